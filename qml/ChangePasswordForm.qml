import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// The first login with a one-time password: the user's own password, twice (Session checks it,
// sets it at the server and logs in with it). The reason of a refusal shows on the login screen.
ColumnLayout {
    id: form
    spacing: 8

    function submit() {
        Session.changePassword(newField.text, repeatField.text)
    }

    Label {
        text: qsTr("You logged in with a one-time password. Set your own password to continue (at least 8 characters).")
        wrapMode: Text.Wrap
        font.bold: true
        Layout.fillWidth: true
    }
    TextField {
        id: newField
        objectName: "newPasswordField"
        placeholderText: qsTr("New password")
        echoMode: TextInput.Password
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        Layout.fillWidth: true
        onAccepted: repeatField.forceActiveFocus()
    }
    TextField {
        id: repeatField
        objectName: "repeatPasswordField"
        placeholderText: qsTr("The new password again")
        echoMode: TextInput.Password
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
        Layout.fillWidth: true
        onAccepted: form.submit()
    }
    Button {
        objectName: "changePasswordButton"
        text: qsTr("Set the password and log in")
        highlighted: true
        enabled: !Session.busy && newField.text.length > 0 && repeatField.text.length > 0
        Layout.fillWidth: true
        Layout.preferredHeight: 52
        onClicked: form.submit()
    }
    Button {
        objectName: "cancelChangeButton"
        text: qsTr("Back to the login")
        flat: true
        Layout.fillWidth: true
        onClicked: Session.cancelPasswordChange()
    }
}
