import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// The accounts (office and admin; AccountsModel over GET/POST /api/v1/users): every account by
// county, filtered to one county if chosen; make an inspector or enterprise account, disable or
// enable one, reset a password. A new one-time password shows once, with the setup code.
Page {
    id: page
    objectName: "accountsScreen"
    property alias accounts: accounts
    /** Screenshots: an inspector account of sampleRegion made as the screen opens. */
    property string sampleInspector: ""
    property string sampleRegion: ""
    title: qsTr("Accounts")

    AccountsModel {
        id: accounts
        session: Session
        property bool sampleMade: false
        onBusyChanged: {
            if (busy || sampleMade || page.sampleInspector.length === 0)
                return
            sampleMade = true
            create(page.sampleInspector, "inspector", page.sampleRegion, "")
        }
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 24
        clip: true

        ColumnLayout {
            id: column
            width: Math.min(parent.width - 24, 720)
            x: (parent.width - width) / 2
            y: 12
            spacing: 10

            SetupCodeCard {
                objectName: "setupCodeCard"
                accounts: accounts
                visible: accounts.oneTimePassword.length > 0
                Layout.fillWidth: true
            }
            NewAccountForm {
                objectName: "newAccountForm"
                accounts: accounts
                Layout.fillWidth: true
            }
            ComboBox {
                id: countyFilter
                objectName: "countyFilter"
                model: [{ code: "", name: qsTr("All counties") }].concat(accounts.counties)
                textRole: "name"
                valueRole: "code"
                Layout.fillWidth: true
                onActivated: accounts.county = currentValue
            }
            Label {
                text: qsTr("%1 accounts").arg(accounts.count)
                opacity: 0.7
            }
            ListView {
                id: list
                objectName: "accountList"
                model: accounts
                interactive: false
                implicitHeight: contentHeight
                Layout.fillWidth: true
                section.property: "countyName"
                section.delegate: SectionTitle {
                    required property string section
                    text: section
                }
                delegate: AccountDelegate {
                    onDisableRequested: (disable) => accounts.setDisabled(username, disable)
                    onResetRequested: accounts.resetPassword(username)
                }
            }
        }
    }
}
