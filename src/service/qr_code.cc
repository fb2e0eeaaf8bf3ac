#include "service/qr_code.h"

#include <qrencode.h>

#include <memory>

namespace kc {

namespace {

constexpr int kQuiet = 4;  // modules of white around the symbol (ISO/IEC 18004)

}  // namespace

Result<std::string> QrSvg(std::string_view text) {
  if (text.empty() || text.size() > 1000) {
    return BadInput("invalid_qr_text", "a QR code holds 1 to 1000 bytes here");
  }
  const std::string data(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!qr) return Internal("the QR code could not be made");
  const int w = qr->width;
  const int size = w + 2 * kQuiet;
  std::string path;
  for (int y = 0; y < w; ++y) {
    for (int x = 0; x < w; ++x) {
      if (qr->data[y * w + x] & 1) {
        path += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
      }
    }
  }
  const std::string box = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + box + " " + box +
         "\" shape-rendering=\"crispEdges\"><rect width=\"" + box + "\" height=\"" + box +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace kc
