// SHA-256 (FIPS 180-4 §6.2), for the HTML report's Content-Security-Policy: the report allows
// only its own inline script and style, named by the base64 of their SHA-256 digests (CSP Level
// 3 §2.3.1 "hash-source"). Written here rather than linked so the reporters need no crypto
// library; it hashes a few kilobytes per report and is not meant for secrets.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace saavu {

using Sha256Digest = std::array<std::uint8_t, 32>;

// The digest of `data` (a byte string; no text encoding is implied).
Sha256Digest sha256(std::string_view data);
// 64 lower-case hex digits, as FIPS 180-4's examples and sha256sum print it.
std::string toHex(const Sha256Digest& digest);
// Base64 with padding (RFC 4648 §4), as CSP's hash-source expects.
std::string toBase64(const Sha256Digest& digest);
// The CSP source expression for `data`: "'sha256-<base64>'".
std::string cspHashSource(std::string_view data);

}  // namespace saavu
