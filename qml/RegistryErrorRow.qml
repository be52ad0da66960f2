import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One bad row of a registry file: its line and column by name, and why, in red.
Pane {
    id: row
    required property int index
    required property int line
    required property string lineText
    required property string field
    required property string fieldLabel
    required property string message

    objectName: "registryError_" + index
    padding: 8
    background: Rectangle {
        color: "#fdecea"
        border.color: "#f5c6c1"
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 2
        Label {
            objectName: "whereText"
            text: row.field !== "" ? row.lineText + " · " + row.fieldLabel : row.lineText
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "messageText"
            text: row.message
            color: "#c62828"
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
    }
}
