import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Gengxin.App

// The window: a header with back, the current screen's title and the menu; the screens in a
// StackView; the status line as footer. After a login it shows the role's home screen.
ApplicationWindow {
    id: window
    width: 1280
    height: 800
    visible: true
    title: qsTr("Gengxin")
    // Large type (--font-scale) reaches every control through the window's font.
    font.pixelSize: AppLook.bodyPixelSize

    Material.theme: Material.Light
    Material.primary: "#1f4e79"
    Material.accent: "#00897b"

    readonly property bool officeRole: Session.role === "office" || Session.role === "admin"
    readonly property url homeUrl: officeRole ? Qt.resolvedUrl("DashboardScreen.qml")
                                              : Qt.resolvedUrl("EnterpriseListScreen.qml")
    readonly property url loginUrl: Qt.resolvedUrl("LoginScreen.qml")
    property alias nav: nav

    function showLogin() {
        nav.clear()
        nav.push(loginUrl)
    }
    function showHome() {
        nav.clear()
        nav.push(homeUrl)
    }
    // Shows one screen on top of the role's home, or of the login screen when nobody is logged
    // in (self-test, screenshots); false if it failed.
    function showScreen(url, properties) {
        nav.clear()
        if (url.toString() !== loginUrl.toString() && url.toString() !== homeUrl.toString())
            nav.push(Session.loggedIn ? homeUrl : loginUrl)
        return nav.push(url, properties) !== null
    }

    Connections {
        target: Session
        function onLoginFinished(ok) {
            if (ok)
                window.showHome()
        }
    }

    header: ToolBar {
        visible: Session.loggedIn
        Material.foreground: "white"
        RowLayout {
            anchors.fill: parent
            spacing: 0
            ToolButton {
                objectName: "backButton"
                text: "\u2190"
                font.pixelSize: AppLook.px(22)
                visible: nav.depth > 1
                Layout.preferredWidth: 56
                Layout.preferredHeight: 56
                onClicked: nav.pop()
                ToolTip.text: qsTr("Back")
            }
            Label {
                text: nav.currentItem && nav.currentItem.title !== undefined ? nav.currentItem.title : ""
                font.pixelSize: AppLook.px(18)
                font.bold: true
                elide: Label.ElideRight
                verticalAlignment: Qt.AlignVCenter
                leftPadding: nav.depth > 1 ? 0 : 16
                Layout.fillWidth: true
            }
            ToolButton {
                objectName: "menuButton"
                text: "\u22ee"
                font.pixelSize: AppLook.px(22)
                Layout.preferredWidth: 56
                Layout.preferredHeight: 56
                onClicked: appMenu.open()
                AppMenu {
                    id: appMenu
                    y: parent.height
                    onSyncRequested: nav.push(Qt.resolvedUrl("SyncScreen.qml"))
                    onRegistryRequested: nav.push(Qt.resolvedUrl("RegistryImportScreen.qml"))
                    onAccountsRequested: nav.push(Qt.resolvedUrl("AccountsScreen.qml"))
                    onSupplyDemandRequested: nav.push(Qt.resolvedUrl("SupplyDemandScreen.qml"))
                    onLogoutRequested: {
                        Session.logout()
                        window.showLogin()
                    }
                }
            }
        }
    }

    footer: StatusLine {
        visible: Session.loggedIn
        onOpenSync: {
            if (!nav.currentItem || nav.currentItem.objectName !== "syncScreen")
                nav.push(Qt.resolvedUrl("SyncScreen.qml"))
        }
    }

    Column {
        id: banners
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        FormUpdateBanner {
            id: formUpdate
            width: parent.width
        }
        KeychainNoticeBanner {
            width: parent.width
        }
    }

    StackView {
        id: nav
        objectName: "nav"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.top: banners.bottom
    }

    Component.onCompleted: Session.loggedIn ? showHome() : showLogin()
}
