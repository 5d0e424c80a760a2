#pragma once
// The viewer's stylesheet, script and world map, compiled into the binary
// (generated assets.cpp, see cmake/embed_assets.cmake) so a report never
// needs a file or the network.

#include <string_view>

namespace docpipe::view::detail {

extern const std::string_view kViewerCss;  ///< assets/viewer.css
extern const std::string_view kViewerJs;   ///< assets/viewer.js
extern const std::string_view kLandPath;   ///< data/land_110m.path: SVG path, 10 units a degree

}  // namespace docpipe::view::detail
