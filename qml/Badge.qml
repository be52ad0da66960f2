import QtQuick
import QtQuick.Controls
import Gengxin.App

// A count in a coloured pill; hidden while the count is 0.
Label {
    id: badge
    property int count: 0
    property color fill: "#c62828"
    property string prefix: ""
    readonly property bool hovered: hover.hovered

    visible: count > 0
    text: prefix.length > 0 ? prefix + " " + count : count
    color: "white"
    font.pixelSize: AppLook.px(12)
    font.bold: true
    horizontalAlignment: Text.AlignHCenter
    leftPadding: 7
    rightPadding: 7
    topPadding: 2
    bottomPadding: 2
    background: Rectangle {
        radius: height / 2
        color: badge.fill
    }
    HoverHandler { id: hover }
}
