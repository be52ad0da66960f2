import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// "已删除 · 撤销" for about five seconds after a row is deleted.
Pane {
    id: bar

    property string message
    property int timeout: 5000

    signal undo()
    signal expired()

    function show() {
        visible = true
        timer.restart()
    }

    visible: false
    Material.background: "#323232"
    Material.elevation: 6
    padding: 4
    leftPadding: 16

    contentItem: RowLayout {
        Label {
            Layout.fillWidth: true
            text: bar.message
            color: "white"
            elide: Text.ElideRight
        }
        Button {
            objectName: "undoButton"
            flat: true
            text: qsTr("Undo")
            Material.foreground: Material.color(Material.Amber)
            onClicked: {
                timer.stop()
                bar.visible = false
                bar.undo()
            }
        }
    }

    Timer {
        id: timer
        interval: bar.timeout
        onTriggered: {
            bar.visible = false
            bar.expired()
        }
    }
}
