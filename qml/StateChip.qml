import QtQuick
import QtQuick.Controls
import Gengxin.App

// A small coloured state label: tone "good" (green), "warn" (orange), "bad" (red), "none" (grey).
Label {
    id: chip
    property string tone: "none"

    color: "white"
    font.pixelSize: AppLook.px(12)
    leftPadding: 8
    rightPadding: 8
    topPadding: 2
    bottomPadding: 2
    background: Rectangle {
        radius: 9
        color: chip.tone === "good" ? "#2e7d32" : chip.tone === "warn" ? "#ef6c00"
             : chip.tone === "bad" ? "#c62828" : "#78909c"
    }
}
