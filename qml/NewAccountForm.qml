import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// Making an account: user name, role (office: inspector or enterprise), the inspector's county
// or the enterprise's USCC. The refusal (on the device or by the server) is shown under it.
ColumnLayout {
    id: form
    required property AccountsModel accounts
    readonly property string role: roleBox.currentValue !== undefined ? roleBox.currentValue : ""
    spacing: 6

    function submit() {
        form.accounts.create(nameField.text, form.role, countyBox.currentValue, usccField.text)
    }

    Label { text: qsTr("New account"); font.bold: true; font.pixelSize: AppLook.px(16) }
    TextField {
        id: nameField
        objectName: "newUsernameField"
        placeholderText: qsTr("User name, e.g. wang.li")
        inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
        Layout.fillWidth: true
    }
    ComboBox {
        id: roleBox
        objectName: "newRoleBox"
        model: form.accounts.roles
        textRole: "label"
        valueRole: "value"
        Layout.fillWidth: true
    }
    ComboBox {
        id: countyBox
        objectName: "newCountyBox"
        visible: form.role === "inspector"
        model: form.accounts.counties
        textRole: "name"
        valueRole: "code"
        Layout.fillWidth: true
    }
    TextField {
        id: usccField
        objectName: "newUsccField"
        visible: form.role === "enterprise"
        placeholderText: qsTr("The enterprise's USCC (18 characters)")
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
        Layout.fillWidth: true
    }
    Label {
        objectName: "accountsError"
        visible: text.length > 0
        text: form.accounts.error
        color: "#c62828"
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Button {
        objectName: "createButton"
        text: qsTr("Make the account")
        highlighted: true
        enabled: !form.accounts.busy && nameField.text.length > 0
        Layout.fillWidth: true
        onClicked: form.submit()
    }
}
