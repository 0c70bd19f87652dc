#!/usr/bin/env python3
"""Generate a deterministic, interlinked static site for the crawl benchmark.

The site looks like a Finnish municipality's service pages: every page has a header with a
skip link, a logo, a main navigation of about 20 links and a search form, a breadcrumb, a main
region (headings, paragraphs, lists, tables, forms with labels, images with alt text and a few
without), a box of related links and a footer. Page sizes are spread between --min-kb and
--max-kb.

Every page is reachable from index.html: pages form a tree (page i links to its parent and to
its children BRANCH*i+1 .. BRANCH*i+BRANCH), and on top of that each page links to a random
handful of other pages, so the crawl meets many links it has already seen, as on real sites.

Only the Python 3 standard library is used; the same --seed and --pages give the same bytes.

    gen_site.py --pages 5000 --out DIR [--seed 2024] [--min-kb 10] [--max-kb 60]
"""

import argparse
import os
import random
import sys

BRANCH = 8

SECTIONS = [
    ("asuminen", "Asuminen ja rakentaminen"),
    ("terveys", "Terveys- ja sairaanhoito"),
    ("koulutus", "Kasvatus ja koulutus"),
    ("liikenne", "Liikenne ja kadut"),
    ("kulttuuri", "Kulttuuri ja vapaa-aika"),
    ("liikunta", "Liikunta ja ulkoilu"),
    ("ymparisto", "Ympäristö ja luonto"),
    ("sosiaalipalvelut", "Sosiaalipalvelut"),
    ("yritykset", "Yrittäjät ja työ"),
    ("paatoksenteko", "Päätöksenteko ja talous"),
    ("kirjasto", "Kirjasto"),
    ("jatehuolto", "Jätehuolto ja kierrätys"),
]

NOUNS = [
    "palvelu", "hakemus", "asiakas", "kunta", "asukas", "päätös", "lomake", "maksu", "ajanvaraus",
    "neuvonta", "toimipiste", "aukioloaika", "lupa", "ilmoitus", "tuki", "avustus", "kirjasto",
    "päiväkoti", "koulu", "terveysasema", "hammashoitola", "neuvola", "liikuntapaikka",
    "uimahalli", "kirjastokortti", "pysäköinti", "katu", "puisto", "jäte", "kierrätys", "vesihuolto",
    "rakennuslupa", "kaava", "tontti", "asunto", "vuokra", "kotihoito", "omaishoito", "vammaispalvelu",
    "toimeentulo", "työllisyys", "yritys", "elinkeino", "hankinta", "valtuusto", "hallitus",
    "lautakunta", "pöytäkirja", "esityslista", "talousarvio", "tilinpäätös", "ympäristö", "luonto",
    "ulkoilureitti", "kuntosali", "nuorisotila", "kansalaisopisto", "museo", "tapahtuma", "teatteri",
]

ADJECTIVES = [
    "sähköinen", "maksuton", "kunnallinen", "yksityinen", "tilapäinen", "pysyvä", "uusi",
    "ajankohtainen", "esteetön", "kiireellinen", "säännöllinen", "paikallinen", "yhteinen",
    "julkinen", "virallinen", "henkilökohtainen", "alueellinen", "lakisääteinen", "vapaaehtoinen",
]

VERBS = [
    "hakea", "varata", "ilmoittaa", "maksaa", "täyttää", "lähettää", "tarkistaa", "päivittää",
    "peruuttaa", "liittää", "tulostaa", "allekirjoittaa", "valita", "jättää", "saada", "käyttää",
]

WORDS = [
    "ja", "tai", "sekä", "kun", "jos", "että", "myös", "voit", "voidaan", "on", "ovat", "ei",
    "kaikille", "asukkaille", "arkisin", "viikonloppuisin", "verkossa", "paikan päällä",
    "puhelimitse", "sähköpostilla", "kunnan", "alueella", "mukaan", "jälkeen", "ennen", "aikana",
    "kanssa", "varten", "kautta", "lisäksi", "kuitenkin", "yleensä", "tarvittaessa", "erikseen",
    "noin", "viimeistään", "mahdollisimman", "nopeasti", "helposti", "ohjeiden", "liitteineen",
]

STREETS = ["Kauppakatu", "Koulutie", "Rantakatu", "Asemakatu", "Puistotie", "Kirkkokatu",
           "Torikatu", "Myllytie", "Koivukuja", "Männistöntie"]

CSS = """
:root{--brand:#00558c;--text:#1a1a1a;--bg:#fff;--muted:#595959}
*{box-sizing:border-box}body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:var(--text);background:var(--bg)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header{background:var(--brand);color:#fff;padding:1rem}header a{color:#fff}
nav.main ul{display:flex;flex-wrap:wrap;gap:.75rem;list-style:none;margin:0;padding:0}
.breadcrumb ol{display:flex;gap:.5rem;list-style:none;padding:0}.breadcrumb li+li::before{content:"›";margin-right:.5rem}
main{max-width:60rem;margin:0 auto;padding:1rem}h1{font-size:2rem}h2{font-size:1.5rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
form.service label{display:block;font-weight:600;margin-top:.75rem}
form.service input,form.service select,form.service textarea{width:100%;padding:.4rem}
.related{border-top:2px solid var(--brand);margin-top:2rem}.hidden{display:none}
footer{background:#f2f2f2;color:var(--muted);padding:2rem 1rem;margin-top:3rem}
@media (max-width:40rem){nav.main ul{flex-direction:column}h1{font-size:1.5rem}}
""".strip()


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def slugify(text):
    table = str.maketrans({"ä": "a", "ö": "o", "å": "a", " ": "-"})
    return "".join(c for c in text.lower().translate(table) if c.isalnum() or c == "-")


class Site:
    def __init__(self, pages, seed):
        self.pages = pages
        self.seed = seed
        rng = random.Random(seed)
        self.titles = ["Etusivu"]
        self.paths = ["/"]
        for i in range(1, pages):
            section = SECTIONS[(i - 1) % len(SECTIONS)]
            if i <= len(SECTIONS):
                title = section[1]
            else:
                title = (rng.choice(NOUNS).capitalize() + " – " + rng.choice(ADJECTIVES) + " "
                         + rng.choice(NOUNS))
            self.titles.append(title)
            self.paths.append("/%s/%s-%d.html" % (section[0], slugify(title.split(" – ")[0]), i))
        # Text is drawn from pools built once, so that generating 20 000 pages stays quick;
        # every page still gets its own mix, order and size.
        self.sentences = [self._sentence(rng) for _ in range(3000)]
        self.paragraphs = [" ".join(rng.choice(self.sentences) for _ in range(rng.randint(2, 6)))
                           for _ in range(1500)]
        nav_targets = list(range(1, min(pages, len(SECTIONS) + 1)))
        extra = list(range(len(SECTIONS) + 1, min(pages, 40)))
        rng.shuffle(extra)
        self.nav = nav_targets + sorted(extra[: max(0, 19 - len(nav_targets))])

    @staticmethod
    def _sentence(rng):
        words = [rng.choice(ADJECTIVES), rng.choice(NOUNS)]
        for _ in range(rng.randint(4, 14)):
            r = rng.random()
            if r < 0.35:
                words.append(rng.choice(NOUNS))
            elif r < 0.5:
                words.append(rng.choice(VERBS))
            elif r < 0.6:
                words.append(rng.choice(ADJECTIVES))
            else:
                words.append(rng.choice(WORDS))
        text = " ".join(words)
        return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", "!"])

    def link(self, i):
        return '<a href="%s">%s</a>' % (self.paths[i], esc(self.titles[i]))

    def page(self, i, target_bytes, min_bytes):
        rng = random.Random(self.seed * 1000003 + i)
        out = []
        ids = [0]

        def new_id(prefix):
            ids[0] += 1
            return "%s-%d" % (prefix, ids[0])

        title = self.titles[i]
        out.append('<!DOCTYPE html>\n<html lang="fi">\n<head>\n<meta charset="utf-8">\n'
                   '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                   '<title>%s | Esimerkkikunta</title>\n'
                   '<meta name="description" content="%s">\n<style>\n%s\n</style>\n</head>\n<body>\n'
                   % (esc(title), esc(rng.choice(self.sentences)), CSS))
        out.append('<a class="skip" href="#sisalto">Siirry sisältöön</a>\n<header>\n'
                   '<a href="/" class="logo"><img src="https://static.esimerkkikunta.invalid/logo.svg" '
                   'alt="Esimerkkikunta – etusivulle" width="180" height="48"></a>\n'
                   '<nav class="main" aria-label="Päävalikko">\n<ul>\n<li><a href="/">Etusivu</a></li>\n')
        for n in self.nav:
            current = ' aria-current="page"' if n == i else ""
            out.append('<li><a href="%s"%s>%s</a></li>\n' % (self.paths[n], current, esc(self.titles[n])))
        out.append('</ul>\n</nav>\n<form role="search" action="/haku" method="get">\n'
                   '<label for="haku">Hae sivustolta</label>\n'
                   '<input id="haku" name="q" type="search" autocomplete="off">\n'
                   '<button type="submit">Hae</button>\n</form>\n</header>\n')

        # Breadcrumb: the path up the tree to the front page.
        chain = []
        j = i
        while j > 0:
            chain.append(j)
            j = (j - 1) // BRANCH
        out.append('<nav class="breadcrumb" aria-label="Murupolku">\n<ol>\n<li><a href="/">Etusivu</a></li>\n')
        for j in reversed(chain):
            if j == i:
                out.append('<li aria-current="page">%s</li>\n' % esc(self.titles[j]))
            else:
                out.append("<li>%s</li>\n" % self.link(j))
        out.append("</ol>\n</nav>\n")

        out.append('<main id="sisalto">\n<h1>%s</h1>\n<p class="lead">%s</p>\n'
                   % (esc(title), esc(rng.choice(self.paragraphs))))

        children = [c for c in range(BRANCH * i + 1, BRANCH * i + BRANCH + 1) if c < self.pages]
        if children:
            out.append('<h2>Tämän osion sivut</h2>\n<ul class="subpages">\n')
            for c in children:
                out.append("<li>%s</li>\n" % self.link(c))
            out.append("</ul>\n")

        # Related pages drawn at random: together with the navigation, 10–30 links per page.
        related = sorted(set(rng.randrange(self.pages) for _ in range(rng.randint(4, 16))) - {i})
        footer = self.footer(i, related, rng)
        tail_len = len(footer.encode("utf-8"))

        size = sum(len(s.encode("utf-8")) for s in out)
        # Content blocks until the page reaches its drawn size, never past it (once at least
        # min_bytes), so sizes stay within the bounds asked for.
        while True:
            block = self.block(rng, new_id)
            grown = size + len(block.encode("utf-8"))
            if grown + tail_len > target_bytes and size + tail_len >= min_bytes:
                break
            out.append(block)
            size = grown
        out.append(footer)
        return "".join(out)

    def block(self, rng, new_id):
        kind = rng.random()
        parts = ["<section>\n<h2>%s</h2>\n" % esc(rng.choice(self.sentences).rstrip(".?!"))]
        for _ in range(rng.randint(1, 3)):
            parts.append("<p>%s</p>\n" % esc(rng.choice(self.paragraphs)))
        if kind < 0.25:
            tag = "ol" if rng.random() < 0.3 else "ul"
            parts.append("<%s>\n" % tag)
            for _ in range(rng.randint(3, 9)):
                parts.append("<li>%s</li>\n" % esc(rng.choice(self.sentences)))
            parts.append("</%s>\n" % tag)
        elif kind < 0.42:
            parts.append(self.table(rng))
        elif kind < 0.55:
            parts.append(self.form(rng, new_id))
        elif kind < 0.75:
            n = rng.randrange(100000)
            if rng.random() < 0.12:  # a few images without alt, as on real sites
                parts.append('<img src="https://static.esimerkkikunta.invalid/kuvat/%05d.jpg" '
                             'width="640" height="360">\n' % n)
            else:
                parts.append('<figure>\n<img src="https://static.esimerkkikunta.invalid/kuvat/%05d.jpg" '
                             'alt="%s" width="640" height="360">\n<figcaption>%s</figcaption>\n</figure>\n'
                             % (n, esc(rng.choice(self.sentences)), esc(rng.choice(self.sentences))))
        else:
            parts.append("<h3>%s</h3>\n<p>%s</p>\n" % (esc(rng.choice(NOUNS).capitalize()),
                                                       esc(rng.choice(self.paragraphs))))
            if rng.random() < 0.3:
                parts.append('<p><strong>Huom!</strong> %s</p>\n' % esc(rng.choice(self.sentences)))
        parts.append("</section>\n")
        return "".join(parts)

    def table(self, rng):
        cols = rng.randint(3, 5)
        heads = [rng.choice(["Toimipiste", "Osoite", "Aukioloaika", "Puhelin", "Hinta", "Palvelu",
                             "Ikäryhmä", "Kesto"]) for _ in range(cols)]
        with_headers = rng.random() > 0.1
        parts = ["<table>\n<caption>%s</caption>\n" % esc(rng.choice(self.sentences))]
        if with_headers:
            parts.append("<thead><tr>%s</tr></thead>\n"
                         % "".join('<th scope="col">%s</th>' % h for h in heads))
        parts.append("<tbody>\n")
        for _ in range(rng.randint(3, 12)):
            cells = []
            for h in heads:
                if h == "Osoite":
                    cells.append("%s %d" % (rng.choice(STREETS), rng.randint(1, 60)))
                elif h == "Puhelin":
                    cells.append("09 %03d %04d" % (rng.randint(100, 999), rng.randint(0, 9999)))
                elif h == "Hinta":
                    cells.append("%d,%02d €" % (rng.randint(0, 120), rng.choice([0, 50, 90])))
                elif h == "Aukioloaika":
                    cells.append("ma–pe %d–%d" % (rng.randint(7, 10), rng.randint(15, 20)))
                else:
                    cells.append(rng.choice(NOUNS))
            parts.append("<tr>%s</tr>\n" % "".join("<td>%s</td>" % esc(c) for c in cells))
        parts.append("</tbody>\n</table>\n")
        return "".join(parts)

    def form(self, rng, new_id):
        parts = ['<form class="service" action="/lomakkeet/laheta" method="post">\n<fieldset>\n'
                 "<legend>%s</legend>\n" % esc(rng.choice(NOUNS).capitalize() + "hakemus")]
        fields = [("Etunimi", "text", "given-name"), ("Sukunimi", "text", "family-name"),
                  ("Sähköposti", "email", "email"), ("Puhelinnumero", "tel", "tel"),
                  ("Katuosoite", "text", "street-address"), ("Postinumero", "text", "postal-code")]
        for label, typ, auto in rng.sample(fields, rng.randint(2, 5)):
            fid = new_id("kentta")
            if rng.random() < 0.05:  # now and then a field whose label is not tied to it
                parts.append('<span>%s</span>\n<input id="%s" name="%s" type="%s">\n'
                             % (label, fid, fid, typ))
            else:
                parts.append('<label for="%s">%s</label>\n<input id="%s" name="%s" type="%s" '
                             'autocomplete="%s">\n' % (fid, label, fid, fid, typ, auto))
        sid = new_id("valinta")
        parts.append('<label for="%s">Asiointikieli</label>\n<select id="%s" name="%s">\n'
                     '<option>suomi</option><option>svenska</option><option>English</option>\n'
                     "</select>\n" % (sid, sid, sid))
        tid = new_id("viesti")
        parts.append('<label for="%s">Lisätietoja</label>\n<textarea id="%s" name="%s" rows="4">'
                     "</textarea>\n" % (tid, tid, tid))
        cid = new_id("suostumus")
        parts.append('<input type="checkbox" id="%s" name="%s"> <label for="%s">Hyväksyn tietojeni '
                     "käsittelyn</label>\n</fieldset>\n<button type=\"submit\">Lähetä</button>\n</form>\n"
                     % (cid, cid, cid))
        return "".join(parts)

    def footer(self, i, related, rng):
        parts = []
        if related:
            parts.append('<aside class="related" aria-labelledby="liittyvat">\n'
                         '<h2 id="liittyvat">Liittyvät sivut</h2>\n<ul>\n')
            for r in related:
                parts.append("<li>%s</li>\n" % self.link(r))
            parts.append("</ul>\n</aside>\n")
        if i > 0:
            parent = (i - 1) // BRANCH
            parts.append('<p><a href="%s">Takaisin: %s</a></p>\n'
                         % (self.paths[parent], esc(self.titles[parent])))
        parts.append("</main>\n<footer>\n<h2>Yhteystiedot</h2>\n<address>Esimerkkikunta, %s %d, "
                     "00100 Esimerkki<br>Puh. 09 123 4567</address>\n<ul>\n"
                     % (rng.choice(STREETS), rng.randint(1, 40)))
        for n in range(1, min(self.pages, 5)):
            parts.append("<li>%s</li>\n" % self.link(n))
        parts.append('<li><a href="https://www.facebook.com/esimerkkikunta">Facebook</a></li>\n'
                     '<li><a href="https://www.instagram.com/esimerkkikunta">Instagram</a></li>\n'
                     "</ul>\n<p>© Esimerkkikunta</p>\n</footer>\n</body>\n</html>\n")
        return "".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, required=True, help="pages in the site, index.html included")
    ap.add_argument("--out", required=True, help="directory to write the site into")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--min-kb", type=int, default=10)
    ap.add_argument("--max-kb", type=int, default=60)
    args = ap.parse_args()
    if args.pages < 1 or args.min_kb > args.max_kb:
        ap.error("need --pages >= 1 and --min-kb <= --max-kb")

    site = Site(args.pages, args.seed)
    sizes = random.Random(args.seed + 1)
    total = 0
    for i in range(args.pages):
        target = sizes.randint(args.min_kb * 1024, args.max_kb * 1024)
        html = site.page(i, target, args.min_kb * 1024).encode("utf-8")
        rel = "index.html" if i == 0 else site.paths[i].lstrip("/")
        path = os.path.join(args.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(html)
        total += len(html)
    print("%d pages, %.1f MiB, %.1f KiB on average"
          % (args.pages, total / 1048576, total / 1024 / args.pages), file=sys.stderr)


if __name__ == "__main__":
    main()
