import QtQuick
import QtQuick.Controls
import Gengxin.App

// "Met" in green, or the gap in red; nothing without a target or a value.
Label {
    id: badge
    required property var figure

    visible: figure.met !== "none"
    text: figure.met === "met" ? qsTr("Met") : figure.gapText
    color: "white"
    font.pixelSize: AppLook.px(12)
    leftPadding: 8
    rightPadding: 8
    topPadding: 3
    bottomPadding: 3
    wrapMode: Text.Wrap
    background: Rectangle {
        radius: 10
        color: badge.figure.met === "met" ? "#2e7d32" : "#c62828"
    }
}
