#include <algorithm>
#include <iomanip>
#include <map>
#include <optional>
#include <sstream>

#include "reporters/gate_notes.h"
#include "reporters/report.h"

namespace saavu {

namespace {

// A scanned page is hostile input: whatever of it reaches a terminal (titles, snippets,
// messages) has control characters replaced so that it cannot move the cursor, recolour the
// screen or hide a line (ECMA-48 escape sequences start with ESC or the C1 CSI).
std::string forTerminal(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) {
      out += c == '\t' ? ' ' : '?';
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      out += '?';  // U+0080..U+009F, the C1 controls
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

struct Style {
  bool on;
  std::string operator()(std::string_view code, std::string_view text) const {
    if (!on) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }
};

std::string_view impactColour(Impact impact) {
  switch (impact) {
    case Impact::Critical:
      return "1;31";
    case Impact::Serious:
      return "31";
    case Impact::Moderate:
      return "33";
    case Impact::Minor:
      return "36";
  }
  return "0";
}

class ConsoleReporter final : public Reporter, public GateAwareReporter {
 public:
  ConsoleReporter(std::ostream& out, bool colour) : out_(out), style_{colour} {}

  void notes(std::vector<FindingNote> notes) override { notes_ = std::move(notes); }
  void gate(const GateSummary& summary) override { gate_ = summary; }

  void begin(const ReportContext&) override {}

  void page(const PageResult& page) override {
    const std::string where = forTerminal(page.displayPath.empty() ? page.url : page.displayPath);
    if (page.skipped()) {
      // Counted by reason (the part before ':'), listed in the JSON report.
      const std::string& reason = page.crawl->reason;
      ++skippedByReason_[reason.substr(0, reason.find(':'))];
      return;
    }
    if (page.error) {
      out_ << where << ": " << style_("1;31", "error") << " (" << forTerminal(page.error->kind)
           << ") " << forTerminal(page.error->message) << "\n";
      return;
    }
    const std::vector<FindingNote> notes = std::move(notes_);
    notes_.clear();

    for (std::size_t i = 0; i < page.findings.size(); ++i) {
      const Finding& f = page.findings[i];
      if (f.outcome == Outcome::Passed) continue;
      // Set aside by an ignore, or already in the baseline: counted in the summary, not listed,
      // so that what a change introduced stands out (the JSON report lists them all).
      if (i < notes.size() && (notes[i].ignored || notes[i].baseline == BaselineState::Unchanged))
        continue;
      // The site rules' findings come after every page (rules/site.h): under a heading of their
      // own, each on the first page it concerns.
      if (page.siteResults && !siteHeading_) {
        out_ << "\n"
             << style_("1", "Across pages") << " (site rules; each names the other pages)\n";
        siteHeading_ = true;
      }
      const RuleMeta& m = *f.rule;
      auto& row = byRule_[m.id];
      row.meta = &m;
      (f.outcome == Outcome::Failed ? row.failed : row.cantTell)++;
      std::ostringstream loc;
      loc << where << ':' << f.line << ':' << f.column;
      const std::string impact =
          f.outcome == Outcome::Failed ? std::string(toString(m.impact)) : "cantTell";
      out_ << loc.str() << "  "
           << style_(f.outcome == Outcome::Failed ? impactColour(m.impact) : "2",
                     padRight(impact, 9))
           << "  " << style_("1", m.id) << "  " << forTerminal(f.message) << "\n";
      out_ << "    " << style_("2", forTerminal(f.snippet)) << "\n";
    }
  }

  void end(const ReportSummary& summary, const std::string& verdict) override {
    if (!byRule_.empty()) {
      const bool baseline = gate_ && gate_->baselineGiven;
      out_ << "\n" << style_("1", baseline ? "New findings by rule" : "Findings by rule") << "\n";
      out_ << "  " << padRight("rule", 24) << padRight("failed", 8) << padRight("cantTell", 10)
           << padRight("WCAG", 14) << padRight("level", 15) << "impact\n";
      std::vector<const Row*> rows;
      for (const auto& [id, row] : byRule_) rows.push_back(&row);
      std::stable_sort(rows.begin(), rows.end(),
                       [](const Row* a, const Row* b) { return a->failed > b->failed; });
      for (const Row* r : rows) {
        std::string sc;
        for (const auto& s : r->meta->wcag) sc += (sc.empty() ? "" : ",") + s;
        if (sc.empty()) sc = "-";
        out_ << "  " << padRight(r->meta->id, 24) << padRight(std::to_string(r->failed), 8)
             << padRight(std::to_string(r->cantTell), 10) << padRight(sc, 14)
             << padRight(std::string(toString(r->meta->level)), 15) << toString(r->meta->impact)
             << "\n";
      }
    }
    if (!skippedByReason_.empty()) {
      out_ << "\n" << style_("1", "Skipped URLs") << " (listed in the JSON report)\n";
      for (const auto& [reason, count] : skippedByReason_)
        out_ << "  " << padRight(std::to_string(count), 7) << forTerminal(reason) << "\n";
    }
    out_ << "\n"
         << summary.scanned() << (summary.scanned() == 1 ? " page" : " pages") << " scanned"
         << (summary.errors ? ", " + std::to_string(summary.errors) + " could not be scanned" : "")
         << (summary.skipped ? ", " + std::to_string(summary.skipped) + " URLs skipped" : "")
         << ": " << summary.failed << " failed, " << summary.cantTell << " cantTell, "
         << summary.passed << " passed\n";
    if (gate_ && gate_->baselineGiven) {
      out_ << "Baseline " << forTerminal(gate_->baselineFile) << ": " << gate_->newFindings
           << " new, " << gate_->unchanged << " unchanged (not listed), " << gate_->fixed.size()
           << " fixed\n";
      constexpr std::size_t kFixedListed = 10;
      for (std::size_t i = 0; i < gate_->fixed.size() && i < kFixedListed; ++i) {
        const FixedFinding& f = gate_->fixed[i];
        out_ << "  fixed: " << forTerminal(f.page) << "  " << forTerminal(f.rule) << "  "
             << forTerminal(f.selector) << "\n";
      }
      if (gate_->fixed.size() > kFixedListed)
        out_ << "  ... and " << gate_->fixed.size() - kFixedListed
             << " more (listed in the JSON report)\n";
    }
    if (gate_ && gate_->ignored > 0)
      out_ << "Ignored: " << gate_->ignored << " result" << (gate_->ignored == 1 ? "" : "s")
           << " set aside by ignores (not listed; the JSON report gives each one's reason)\n";
    if (!verdict.empty()) {
      const bool ok = verdict.rfind("PASSED", 0) == 0;
      out_ << style_(ok ? "1;32" : "1;31", verdict) << "\n";
    }
    out_.flush();
  }

 private:
  struct Row {
    const RuleMeta* meta = nullptr;
    std::size_t failed = 0;
    std::size_t cantTell = 0;
  };
  static std::string padRight(std::string s, std::size_t width) {
    if (s.size() < width)
      s.append(width - s.size(), ' ');
    else
      s += ' ';
    return s;
  }

  std::ostream& out_;
  bool siteHeading_ = false;
  Style style_;
  std::vector<FindingNote> notes_;
  std::optional<GateSummary> gate_;
  std::map<std::string, Row> byRule_;
  std::map<std::string, std::size_t> skippedByReason_;
};

}  // namespace

std::unique_ptr<Reporter> makeConsoleReporter(std::ostream& out, bool colour) {
  return std::make_unique<ConsoleReporter>(out, colour);
}

}  // namespace saavu
