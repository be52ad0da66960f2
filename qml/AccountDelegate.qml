import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One account of the accounts screen: name, role, enterprise, last login, state, and its
// actions (disable or enable, reset the password) when the caller may change it.
ItemDelegate {
    id: row
    required property int index
    required property string username
    required property string roleLabel
    required property string enterprise
    required property string lastLogin
    required property bool disabled
    required property bool mustChangePassword
    required property bool manageable
    signal disableRequested(bool disable)
    signal resetRequested()

    objectName: "account_" + username
    width: ListView.view ? ListView.view.width : implicitWidth
    hoverEnabled: false

    contentItem: RowLayout {
        spacing: 8
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            Label {
                text: row.username + "  ·  " + row.roleLabel
                font.bold: true
                opacity: row.disabled ? 0.5 : 1
                elide: Label.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: (row.enterprise.length > 0 ? row.enterprise + "  ·  " : "")
                      + qsTr("last login: %1").arg(row.lastLogin)
                font.pixelSize: AppLook.px(13)
                opacity: 0.7
                elide: Label.ElideRight
                Layout.fillWidth: true
            }
            Label {
                objectName: "accountState"
                visible: row.disabled || row.mustChangePassword
                text: row.disabled ? qsTr("Disabled") : qsTr("Has not set their own password yet")
                color: row.disabled ? "#c62828" : "#ef6c00"
                font.pixelSize: AppLook.px(13)
            }
        }
        Button {
            objectName: "disableButton"
            visible: row.manageable
            text: row.disabled ? qsTr("Enable") : qsTr("Disable")
            flat: true
            onClicked: row.disableRequested(!row.disabled)
        }
        Button {
            objectName: "resetButton"
            visible: row.manageable
            text: qsTr("Reset password")
            flat: true
            onClicked: row.resetRequested()
        }
    }
}
