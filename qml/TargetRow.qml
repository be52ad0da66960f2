import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// One target of one region in the targets screen: the indicator, its box (a percent for rates,
// a whole number for counts; empty removes the target), the value the server holds and, beside
// it, the annex's 2024 target as the reference; a refusal in red below.
Pane {
    id: row
    required property int index
    required property string indicator
    required property string label
    required property string unit
    required property string op
    required property string valueText
    required property string input
    required property bool edited
    required property string referenceText
    required property string error
    property int referencePeriod: 2024
    signal inputEdited(int row, string text)

    objectName: "target_" + index
    padding: 8
    background: Rectangle {
        color: row.error !== "" ? "#fdecea" : (row.edited ? "#fff8e1" : "#ffffff")
        border.color: "#e0e0e0"
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 2

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label {
                text: row.label
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: row.op
                color: "#555555"
            }
            TextField {
                objectName: "targetField"
                text: row.input
                placeholderText: "—"
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                horizontalAlignment: Text.AlignRight
                selectByMouse: true
                Layout.preferredWidth: 96
                onTextEdited: row.inputEdited(row.index, text)
            }
            Label {
                text: row.unit
                Layout.preferredWidth: 16
            }
        }
        Flow {
            Layout.fillWidth: true
            spacing: 16
            Label {
                objectName: "savedText"
                text: qsTr("On the server: %1").arg(row.valueText)
                color: "#555555"
                font.pixelSize: AppLook.px(13)
            }
            Label {
                objectName: "referenceText"
                text: row.referenceText !== ""
                      ? qsTr("%1 annex: %2").arg(row.referencePeriod).arg(row.referenceText)
                      : qsTr("%1 annex: none").arg(row.referencePeriod)
                color: "#1f4e79"
                font.pixelSize: AppLook.px(13)
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
