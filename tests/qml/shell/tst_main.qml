import QtQuick
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// The window: after a login it shows the role's home (inspector and enterprise: the enterprise
// list; office: the dashboard) with the header and the status line; logged out, the login screen.
TestCase {
    name: "Main"
    when: windowShown

    Component {
        id: mainWindow
        Main {
            width: 360
            height: 740
        }
    }

    function test_roleHome_data() {
        return [
            { tag: "inspector", role: "inspector", region: "331102", home: "EnterpriseListScreen.qml" },
            { tag: "enterprise", role: "enterprise", region: "", home: "EnterpriseListScreen.qml" },
            { tag: "office", role: "office", region: "", home: "DashboardScreen.qml" }
        ]
    }
    function test_roleHome(data) {
        compare(Fixture.openLocal("main-" + data.tag, data.role, data.region), "")
        const win = createTemporaryObject(mainWindow, null)
        verify(win)
        verify(win.homeUrl.toString().endsWith(data.home))
        tryVerify(() => win.nav.currentItem !== null && win.nav.depth === 1)
        tryCompare(win.nav, "busy", false)
        verify(win.header.visible)
        verify(win.footer.visible)
        if (data.home === "EnterpriseListScreen.qml")
            compare(win.nav.currentItem.objectName, "enterpriseListScreen")
        Session.logout()
        win.showLogin()
        tryCompare(win.nav, "busy", false)
        compare(win.nav.currentItem.objectName, "loginScreen")
        verify(!win.header.visible)
    }
}
