import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Gengxin.App

// What stands in the way of submitting: each problem with its field, its row and the message;
// a tap closes the dialog and asks to jump to the field.
Dialog {
    id: dialog

    property SubmitIssueModel issues

    signal issueActivated(string entity, string recordId, string field)

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 24 : 400, 640)
    height: Math.min(parent ? parent.height - 48 : 600, 720)
    modal: true
    title: qsTr("%n problem(s) to fix before submitting", "", issues ? issues.count : 0)
    standardButtons: Dialog.Close

    contentItem: ListView {
        id: view
        objectName: "issueList"
        clip: true
        model: dialog.issues
        ScrollBar.vertical: ScrollBar {}
        delegate: ItemDelegate {
            id: item
            required property int index
            required property string entity
            required property string recordId
            required property string field
            required property string fieldLabel
            required property string rowTitle
            required property string message
            required property bool isError
            objectName: "issue_" + index
            width: ListView.view.width
            onClicked: {
                dialog.close()
                dialog.issueActivated(entity, recordId, field)
            }
            contentItem: ColumnLayout {
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    visible: item.rowTitle !== ""
                    text: item.rowTitle
                    font.pixelSize: AppLook.px(12)
                    opacity: 0.7
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    text: item.fieldLabel
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    text: item.message
                    color: item.isError ? Material.color(Material.Red)
                                        : Material.color(Material.Orange, Material.Shade800)
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
