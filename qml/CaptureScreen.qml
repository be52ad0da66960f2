import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtMultimedia
import Gengxin.App

// The camera for one photo field: the live picture and 拍照; then the photo as it will be
// stored, with 重拍 and 使用照片; 取消 leaves the field as it was. PhotoCapture (C++) does the
// work: scaled JPEG stored as the store's blob first, then the field saved, then 已保存.
Page {
    id: screen

    // The editor's form; without one (--screenshot) the screen opens the record itself.
    property FormFieldsModel form: null
    property string entity: "equipment"
    property string recordId: ""
    required property string field
    // --screenshot: takes the picture as soon as the camera runs.
    property bool sampleShot: false
    readonly property alias capture: capture

    // The photo is saved (saved) or the user left (cancelled): the opener closes the screen.
    signal finished(bool saved)

    function close(saved) {
        capture.stop()
        screen.finished(saved)
        if (screen.StackView.view && screen.StackView.view.depth > 1)
            screen.StackView.view.pop()
    }

    objectName: "captureScreen"
    title: qsTr("Photo: %1").arg(capture.fieldLabel)
    background: Rectangle { color: "#101418" }

    FormFieldsModel {
        id: ownForm
        session: screen.form ? null : Session
        entity: screen.entity
        recordId: screen.form ? "" : screen.recordId
    }
    PhotoCapture {
        id: capture
        form: screen.form ? screen.form : ownForm
        field: screen.field
        videoSink: viewfinder.videoSink
        onStateChanged: {
            if (state === PhotoCapture.Live && screen.sampleShot)
                capture.shoot()
        }
        onSaved: doneTimer.start()
    }
    Timer {
        id: doneTimer
        interval: 700
        onTriggered: screen.close(true)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // In the photo field's popup its own title and 取消; pushed on the StackView (as
        // --screenshot does) the window's header has both.
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 8
            visible: !screen.StackView.view
            Label {
                Layout.fillWidth: true
                text: screen.title
                color: "white"
                font.pixelSize: AppLook.px(18)
                elide: Text.ElideRight
            }
            ToolButton {
                objectName: "captureCancel"
                text: qsTr("Cancel")
                Material.foreground: "white"
                onClicked: screen.close(false)
            }
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            VideoOutput {
                id: viewfinder
                anchors.fill: parent
                visible: capture.state === PhotoCapture.Live || capture.state === PhotoCapture.Taking
                fillMode: VideoOutput.PreserveAspectFit
            }
            PhotoPreview {
                objectName: "capturePreview"
                anchors.fill: parent
                visible: capture.state === PhotoCapture.Review || capture.state === PhotoCapture.Saved
                image: capture.preview
            }
            Label {
                objectName: "captureNoCamera"
                anchors.centerIn: parent
                visible: capture.state === PhotoCapture.NoCamera
                text: qsTr("No camera on this device")
                color: "white"
            }
        }
        Label {
            objectName: "captureError"
            Layout.fillWidth: true
            Layout.margins: 8
            visible: capture.error !== ""
            text: capture.error
            color: Material.color(Material.Red, Material.Shade200)
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "capturePhotoSize"
            Layout.fillWidth: true
            Layout.leftMargin: 8
            visible: capture.state === PhotoCapture.Review
            text: qsTr("%1 × %2 px, %3 KB").arg(capture.photoSize.width)
                  .arg(capture.photoSize.height).arg(Math.round(capture.photoBytes / 1024))
            color: "#c0c8cc"
            font.pixelSize: AppLook.px(12)
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.maximumWidth: 720
            Layout.alignment: Qt.AlignHCenter
            Layout.margins: 12
            spacing: 12

            Button {
                objectName: "captureShutter"
                Layout.fillWidth: true
                visible: capture.state === PhotoCapture.Live || capture.state === PhotoCapture.Taking
                enabled: capture.state === PhotoCapture.Live && capture.ready
                highlighted: true
                text: qsTr("Take photo")
                onClicked: capture.shoot()
            }
            Button {
                objectName: "captureRetake"
                Layout.fillWidth: true
                visible: capture.state === PhotoCapture.Review
                text: qsTr("Retake")
                onClicked: capture.retake()
            }
            Button {
                objectName: "captureUse"
                Layout.fillWidth: true
                visible: capture.state === PhotoCapture.Review
                highlighted: true
                text: qsTr("Use photo")
                onClicked: capture.use()
            }
            Label {
                objectName: "captureSaved"
                Layout.fillWidth: true
                visible: capture.state === PhotoCapture.Saved
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Saved")
                color: "white"
                font.pixelSize: AppLook.px(16)
            }
        }
    }

    Component.onCompleted: capture.start()
    Component.onDestruction: capture.stop()
}
