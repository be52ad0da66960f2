import QtQuick

// The background of a line in a long list: flat, darker while pressed or hovered. Material's
// ripple is left out on purpose: in the software scene graph each ripple asks for a
// window-sized pixmap, about 4 MB per visible line (docs/performance.md, bench_app).
Rectangle {
    required property bool pressed
    required property bool hovered
    color: pressed ? Qt.rgba(0, 0, 0, 0.12) : hovered ? Qt.rgba(0, 0, 0, 0.04) : "transparent"
}
