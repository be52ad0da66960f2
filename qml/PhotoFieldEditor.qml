import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import Gengxin.App

// A photo (a nameplate): taken with the camera (CaptureScreen, in a window-sized popup) or
// picked from a file, kept by the device by its sha256, shown as a thumbnail. Where the device
// has no camera only the file picker is offered, with 本设备没有摄像头. A picked file that is
// refused (not a picture, too large, unreadable, a read-only form) says why under the buttons.
ColumnLayout {
    id: editor
    objectName: "photoEditor"

    // The FieldDelegate this edits (typed Item: the delegate loads the editors).
    required property Item cell
    // Why the last picked file was not saved (the form's 「FIELD」未保存：…), empty otherwise.
    property string failure: ""

    function pickFile(url) {
        editor.failure = editor.cell.form.setPhotoFile(editor.cell.name, url)
                ? "" : editor.cell.form.lastError
    }

    function takeFocus() {
        (takePhoto.visible ? takePhoto : pick).forceActiveFocus()
    }

    spacing: 4

    RowLayout {
        Layout.fillWidth: true
        spacing: 12

        Image {
            objectName: "photoThumbnail"
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
        ToolButton {
            visible: !!editor.cell.value
            text: qsTr("Remove")
            onClicked: editor.cell.save("")
        }
    }
    Flow {
        Layout.fillWidth: true
        spacing: 8

        Button {
            id: takePhoto
            objectName: "takePhoto"
            visible: CameraSupport.available
            highlighted: true
            text: qsTr("Take photo")
            onClicked: {
                editor.failure = ""
                capturePopup.open()
            }
        }
        Button {
            id: pick
            objectName: "choosePhoto"
            text: editor.cell.value ? qsTr("Replace") : qsTr("Choose photo")
            onClicked: dialog.open()
        }
        Label {
            objectName: "noCamera"
            visible: !CameraSupport.available
            height: pick.height
            verticalAlignment: Text.AlignVCenter
            text: qsTr("No camera on this device")
            opacity: 0.7
        }
    }
    Label {
        objectName: "photoError"
        Layout.fillWidth: true
        visible: editor.failure !== ""
        text: editor.failure
        color: Material.color(Material.Red)
        wrapMode: Text.Wrap
    }
    FileDialog {
        id: dialog
        title: qsTr("Choose a photo")
        nameFilters: [qsTr("Images (*.jpg *.jpeg *.png *.heic)")]
        onAccepted: editor.pickFile(selectedFile)
    }
    Popup {
        id: capturePopup
        objectName: "capturePopup"
        parent: Overlay.overlay
        width: parent ? parent.width : 0
        height: parent ? parent.height : 0
        modal: true
        padding: 0
        closePolicy: Popup.CloseOnEscape

        Loader {
            anchors.fill: parent
            active: capturePopup.visible
            sourceComponent: CaptureScreen {
                form: editor.cell.form
                field: editor.cell.name
                onFinished: capturePopup.close()
            }
        }
    }
}
