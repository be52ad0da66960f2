import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// One count of a registry preview or import (new, changed, unchanged): the number large, its
// label below.
Pane {
    id: tile
    required property string label
    required property int value
    property color accent: "#1a237e"

    padding: 10
    background: Rectangle {
        radius: 6
        color: "#ffffff"
        border.color: "#d0d7e2"
    }

    ColumnLayout {
        spacing: 0
        Label {
            objectName: "countValue"
            text: tile.value
            font.pixelSize: AppLook.px(26)
            color: tile.accent
            Layout.alignment: Qt.AlignHCenter
        }
        Label {
            text: tile.label
            color: "#555555"
            Layout.alignment: Qt.AlignHCenter
        }
    }
}
