import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtMultimedia
import Gengxin.App

// Scanning the office's setup code with the camera (from the login screen's 扫码): the live
// picture with a square to aim at; a setup code fills server and user on the login screen
// (SetupCodeScanner -> Session.applySetupCode) and closes this screen; a QR code that is no
// setup code is named as such and the scan goes on. Cancel goes back with nothing changed.
Page {
    id: page
    objectName: "scanSetupCodeScreen"
    title: qsTr("Scan setup code")

    function close() {
        scanner.active = false // nothing read while the screen goes
        if (page.StackView.view)
            page.StackView.view.pop()
    }

    SetupCodeScanner {
        id: scanner
        objectName: "scanner"
        session: Session
        videoSink: viewfinder.videoSink
        // Only while this is the screen on top: not while it comes or goes.
        active: page.StackView.status === StackView.Active
        onScanned: page.close()
    }

    Rectangle {
        anchors.fill: parent
        color: "#202020"

        VideoOutput {
            id: viewfinder
            objectName: "viewfinder"
            anchors.fill: parent
            fillMode: VideoOutput.PreserveAspectCrop
        }
        Rectangle {
            id: square
            objectName: "viewfinderSquare"
            // Room below for the message and the cancel button, above for the hint.
            width: Math.min(parent.width * 0.7, parent.height - 320)
            height: width
            anchors.centerIn: parent
            anchors.verticalCenterOffset: -40
            color: "transparent"
            border.color: "white"
            border.width: 3
            radius: 12
        }
        Label {
            objectName: "scanHint"
            text: qsTr("Point the setup code at the square")
            color: "white"
            font.pixelSize: AppLook.px(18)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            width: parent.width - 32
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: square.top
            anchors.bottomMargin: 16
            style: Text.Outline
            styleColor: "#80000000"
        }
        Pane {
            objectName: "scanMessage"
            visible: scanner.message.length > 0
            width: Math.min(parent.width - 32, 480)
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: cancelButton.top
            anchors.bottomMargin: 16
            padding: 12
            Material.background: Material.color(Material.Amber, Material.Shade100)
            contentItem: Label {
                objectName: "scanMessageText"
                text: scanner.message
                wrapMode: Text.Wrap
            }
        }
        Button {
            id: cancelButton
            objectName: "cancelScanButton"
            text: qsTr("Cancel")
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: parent.bottom
            anchors.bottomMargin: 24
            width: Math.min(parent.width - 32, 320)
            height: 52
            onClicked: page.close()
        }
    }
}
