import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Gengxin.App

// One line of the equipment list: name, category, status and quantity, with duplicate and
// delete buttons.
ItemDelegate {
    id: line
    background: RowBackground { pressed: line.down; hovered: line.hovered }

    required property int index
    required property string rowId
    required property string title
    required property string categoryLabel
    required property string statusLabel
    required property var quantity
    required property string localState
    property bool readOnly: false

    signal opened()
    signal duplicated()
    signal removed()

    objectName: "row_" + index
    onClicked: opened()

    contentItem: RowLayout {
        spacing: 4
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: line.title
                font.bold: true
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: [line.categoryLabel, line.statusLabel,
                       line.quantity !== undefined ? qsTr("×%1").arg(line.quantity) : ""]
                      .filter(s => s !== "").join(" · ")
                font.pixelSize: AppLook.px(12)
                opacity: 0.75
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: line.localState === "rejected" || line.localState === "conflicted"
                text: line.localState === "rejected" ? qsTr("Refused by the server: open to fix")
                                                     : qsTr("Edited elsewhere too: see the conflict")
                color: Material.color(Material.Red)
                font.pixelSize: AppLook.px(12)
                wrapMode: Text.Wrap
            }
        }
        ToolButton {
            visible: !line.readOnly
            text: qsTr("Copy")
            onClicked: line.duplicated()
        }
        ToolButton {
            objectName: "deleteButton"
            visible: !line.readOnly
            text: qsTr("Delete")
            onClicked: line.removed()
        }
    }
}
