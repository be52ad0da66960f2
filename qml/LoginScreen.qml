import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Gengxin.App

// Login: the server address (remembered), user name and password, or a setup code from the
// office (typed, pasted, or scanned with the camera: 扫码, ScanSetupCodeScreen) that fills
// server and user; without a camera the screen says so and typing or pasting stays. Works offline after a first online login
// of the same user (Session checks the stored hash). After a login with a one-time password it
// asks for the user's own password, twice, before anything else.
Page {
    id: page
    objectName: "loginScreen"
    title: qsTr("Log in")

    function submit() {
        Session.login(serverField.text, userField.text, passwordField.text)
    }
    function applyCode() {
        Session.applySetupCode(codeField.text)
    }

    // A setup code typed, pasted or scanned: its server and user.
    Connections {
        target: Session
        function onSetupCodeApplied() {
            serverField.text = Session.serverUrl
            userField.text = Session.lastUsername
            codeField.text = ""
            passwordField.forceActiveFocus()
        }
    }

    // Only asked whether a camera exists; it scans on ScanSetupCodeScreen.
    SetupCodeScanner {
        id: cameraProbe
        session: Session
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 48
        clip: true

        ColumnLayout {
            id: column
            width: Math.min(parent.width - 32, 420)
            x: (parent.width - width) / 2
            y: 24
            spacing: 12

            Label {
                text: qsTr("Equipment renewal survey")
                font.pixelSize: AppLook.px(26)
                font.bold: true
                color: Material.primary
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Lishui equipment renewal and digital transformation")
                wrapMode: Text.Wrap
                opacity: 0.7
                Layout.fillWidth: true
                Layout.bottomMargin: 12
            }
            // The label says what the code is, so the field's placeholder stays short enough
            // for a phone in any language and type size.
            Label {
                text: qsTr("Setup code from the office")
                visible: !Session.passwordChangeRequired
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            TextField {
                id: codeField
                objectName: "setupCodeField"
                visible: !Session.passwordChangeRequired
                placeholderText: "gengxin://setup?…"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                Layout.fillWidth: true
                onAccepted: page.applyCode()
            }
            RowLayout {
                visible: !Session.passwordChangeRequired
                Layout.fillWidth: true
                Button {
                    objectName: "applyCodeButton"
                    text: qsTr("Use code")
                    enabled: codeField.text.length > 0
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    onClicked: page.applyCode()
                }
                Button {
                    objectName: "scanButton"
                    text: qsTr("Scan")
                    visible: cameraProbe.available
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("ScanSetupCodeScreen.qml"))
                }
            }
            Label {
                objectName: "noCameraLabel"
                visible: !Session.passwordChangeRequired && !cameraProbe.available
                text: qsTr("This device has no camera: type or paste the setup code.")
                wrapMode: Text.Wrap
                opacity: 0.6
                font.pixelSize: AppLook.px(13)
                Layout.fillWidth: true
            }
            ChangePasswordForm {
                objectName: "changePasswordForm"
                visible: Session.passwordChangeRequired
                Layout.fillWidth: true
            }
            Label { text: qsTr("Server address"); visible: !Session.passwordChangeRequired }
            TextField {
                id: serverField
                objectName: "serverField"
                visible: !Session.passwordChangeRequired
                text: Session.serverUrl
                placeholderText: "http://192.168.1.10:8470"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                Layout.fillWidth: true
            }
            Label { text: qsTr("User name"); visible: !Session.passwordChangeRequired }
            TextField {
                id: userField
                objectName: "userField"
                visible: !Session.passwordChangeRequired
                text: Session.lastUsername
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                Layout.fillWidth: true
                onAccepted: passwordField.forceActiveFocus()
            }
            Label { text: qsTr("Password"); visible: !Session.passwordChangeRequired }
            TextField {
                id: passwordField
                objectName: "passwordField"
                visible: !Session.passwordChangeRequired
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Layout.fillWidth: true
                onAccepted: page.submit()
            }
            Label {
                objectName: "loginError"
                visible: text.length > 0
                text: Session.error
                color: "#c62828"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "loginButton"
                visible: !Session.passwordChangeRequired
                text: qsTr("Log in")
                highlighted: true
                enabled: !Session.busy && userField.text.length > 0 && passwordField.text.length > 0
                Layout.fillWidth: true
                Layout.preferredHeight: 52
                onClicked: page.submit()
            }
            BusyIndicator {
                running: Session.busy
                visible: running
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                text: qsTr("After one online login you can also log in here without a network.")
                wrapMode: Text.Wrap
                opacity: 0.6
                font.pixelSize: AppLook.px(13)
                Layout.fillWidth: true
            }
        }
    }
}
