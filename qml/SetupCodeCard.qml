import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// After making an account or resetting a password: the one-time password, shown once, and the
// setup code (server address and user name, never the password) as a QR code and as text.
Frame {
    id: card
    required property AccountsModel accounts

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label {
            text: card.accounts.accountMade ? qsTr("Account %1 made").arg(card.accounts.passwordUser)
                                            : qsTr("New password of %1").arg(card.accounts.passwordUser)
            font.bold: true
            font.pixelSize: AppLook.px(16)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("One-time password (shown only now; the user sets their own at the first login):")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        TextField {
            objectName: "oneTimePassword"
            text: card.accounts.oneTimePassword
            readOnly: true
            selectByMouse: true
            font.family: "monospace"
            font.pixelSize: AppLook.px(20)
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Setup code: scan it or type it on the login screen (it holds the server and the user name, not the password).")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        QrCodeItem {
            objectName: "setupQr"
            text: card.accounts.setupCode
            Layout.preferredWidth: 200
            Layout.preferredHeight: 200
            Layout.alignment: Qt.AlignHCenter
        }
        TextArea {
            objectName: "setupCodeText"
            text: card.accounts.setupCode
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            font.pixelSize: AppLook.px(12)
            Layout.fillWidth: true
        }
        Button {
            objectName: "dismissButton"
            text: qsTr("Done: the password was handed over")
            Layout.fillWidth: true
            onClicked: card.accounts.dismissPassword()
        }
    }
}
