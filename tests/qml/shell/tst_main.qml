import QtQuick
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// The window: after a login it shows the role's home (inspector and enterprise: the enterprise
// list; office: the dashboard) with the header and the status line; logged out, the login screen.
// The menu offers the registry import to office and admin only, and it opens that screen.
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

    function test_registryFromTheMenu_data() {
        return [
            { tag: "inspector", role: "inspector", region: "331102", offered: false },
            { tag: "enterprise", role: "enterprise", region: "", offered: false },
            { tag: "office", role: "office", region: "", offered: true },
            { tag: "admin", role: "admin", region: "", offered: true }
        ]
    }
    function test_registryFromTheMenu(data) {
        compare(Fixture.openLocal("menu-" + data.tag, data.role, data.region), "")
        const win = createTemporaryObject(mainWindow, null)
        tryVerify(() => win.nav.currentItem !== null && win.nav.depth === 1)
        tryCompare(win.nav, "busy", false)
        const button = findChild(win.header, "menuButton")
        waitForRendering(win.header)
        mouseClick(button)
        const item = findChild(win.header, "registryMenuItem")
        verify(item)
        tryCompare(item.menu, "opened", true)
        compare(item.visible, data.offered)
        if (data.offered) {
            waitForRendering(item)
            mouseClick(item)
            tryVerify(() => win.nav.depth === 2)
            tryCompare(win.nav, "busy", false)
            compare(win.nav.currentItem.title, "导入企业名录")
            verify(win.nav.currentItem.importer !== undefined)
        } else {
            item.menu.close()
        }
        Session.logout()
    }
}
