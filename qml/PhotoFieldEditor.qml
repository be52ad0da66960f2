import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts

// A photo (a nameplate): picked from a file, kept by the device by its sha256, shown as a
// thumbnail.
RowLayout {
    id: editor

    // The FieldDelegate this edits (typed Item: the delegate loads the editors).
    required property Item cell

    function takeFocus() {
        pick.forceActiveFocus()
    }

    spacing: 12

    Image {
        Layout.preferredWidth: 96
        Layout.preferredHeight: 72
        visible: editor.cell.photoUrl.toString() !== ""
        source: editor.cell.photoUrl
        sourceSize.width: 192
        fillMode: Image.PreserveAspectCrop
        asynchronous: true
    }
    Label {
        visible: editor.cell.photoUrl.toString() === ""
        text: editor.cell.value ? qsTr("Photo not on this device") : qsTr("No photo")
        opacity: 0.7
    }
    Item { Layout.fillWidth: true }
    Button {
        id: pick
        text: editor.cell.value ? qsTr("Replace") : qsTr("Choose photo")
        onClicked: dialog.open()
    }
    ToolButton {
        visible: !!editor.cell.value
        text: qsTr("Remove")
        onClicked: editor.cell.save("")
    }
    FileDialog {
        id: dialog
        title: qsTr("Choose a photo")
        nameFilters: [qsTr("Images (*.jpg *.jpeg *.png *.heic)")]
        onAccepted: editor.cell.form.setPhotoFile(editor.cell.name, selectedFile)
    }
}
