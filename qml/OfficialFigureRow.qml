import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// One official figure of one region: the value entered and its target, and its editor.
Pane {
    id: row
    required property int index
    required property string label
    required property string valueText
    required property string valueInput
    required property string currentInput
    required property string baseInput
    required property string targetText
    required property string error
    required property string errorField
    required property bool saving
    signal saveRequested(int row, string value, string current, string base)

    padding: 12
    background: Rectangle {
        color: "#ffffff"
        border.color: "#e0e0e0"
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: row.label
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: row.valueText
                font.pixelSize: AppLook.px(18)
            }
        }
        Label {
            text: row.targetText !== "" ? qsTr("Target %1").arg(row.targetText) : qsTr("No target")
            color: "#555555"
        }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Column {
                Label {
                    text: qsTr("Growth %")
                    font.pixelSize: AppLook.px(12)
                    color: "#555555"
                }
                TextField {
                    id: valueField
                    objectName: "valueField"
                    text: row.valueInput
                    placeholderText: "12.5"
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                    width: 100
                }
            }
            Column {
                Label {
                    text: qsTr("This period")
                    font.pixelSize: AppLook.px(12)
                    color: "#555555"
                }
                TextField {
                    id: currentField
                    text: row.currentInput
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                    width: 100
                }
            }
            Column {
                Label {
                    text: qsTr("Base period")
                    font.pixelSize: AppLook.px(12)
                    color: "#555555"
                }
                TextField {
                    id: baseField
                    text: row.baseInput
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                    width: 100
                }
            }
            Button {
                objectName: "saveButton"
                text: qsTr("Save")
                enabled: !row.saving
                implicitHeight: 48
                onClicked: row.saveRequested(row.index, valueField.text, currentField.text,
                                             baseField.text)
            }
        }
        Label {
            objectName: "rowError"
            visible: row.error !== ""
            text: row.error
            color: "#c62828"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
