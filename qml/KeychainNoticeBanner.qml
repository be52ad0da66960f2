import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Gengxin.App

// Under the header (and above the login screen): the OS keychain would not keep the login (no
// keychain, or locked or refused) and a protected file on this device keeps it instead; shown
// once per device, until dismissed (Session.keychainNotice).
Pane {
    objectName: "keychainNotice"
    visible: Session.keychainNotice.length > 0
    padding: 12
    Material.background: Material.color(Material.Amber, Material.Shade50)

    contentItem: RowLayout {
        spacing: 8
        Label {
            objectName: "keychainNoticeText"
            text: Session.keychainNotice
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "keychainNoticeDismiss"
            flat: true
            text: qsTr("Got it")
            onClicked: Session.dismissKeychainNotice()
        }
    }
}
