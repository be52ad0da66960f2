import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// Logging in offline through the real LoginScreen: after one online login (the day the tablet
// was set up) the server is gone; a wrong password is refused with a readable message, the
// right one opens the inspector's data offline.
Item {
    id: root
    width: 400
    height: 760

    Component {
        id: loginScreen
        LoginScreen {}
    }

    SignalSpy {
        id: finished
        target: Session
        signalName: "loginFinished"
    }

    TestCase {
        name: "Login"
        when: windowShown

        function clickLogin(screen, password) {
            findChild(screen, "passwordField").text = password
            const button = findChild(screen, "loginButton")
            tryCompare(button, "enabled", true)
            finished.clear()
            mouseClick(button)
            finished.wait(30000)
        }

        function test_offlineLoginThroughTheScreen() {
            const url = ShellFixture.startServer()
            verify(url.length > 0)
            finished.clear()
            Session.login(url, "insp", ShellFixture.password())
            finished.wait(30000)
            verify(Session.loggedIn, Session.error)
            verify(!Session.offline)
            Session.logout()
            ShellFixture.stopServer()

            const screen = createTemporaryObject(loginScreen, root,
                                                 { width: root.width, height: root.height })
            waitForItemPolished(screen)
            // The server address and the user are remembered.
            compare(findChild(screen, "serverField").text, url)
            compare(findChild(screen, "userField").text, "insp")

            clickLogin(screen, "not the password")
            verify(!Session.loggedIn)
            const error = findChild(screen, "loginError")
            tryCompare(error, "visible", true)
            compare(error.text, "用户名或密码错误。")

            clickLogin(screen, ShellFixture.password())
            verify(Session.loggedIn, Session.error)
            verify(Session.offline)
            compare(Session.username, "insp")
            compare(Session.role, "inspector")
            compare(Session.region, "331102")
            compare(error.visible, false)
            Session.logout()
        }

        function init() {
            Session.logout()
        }

        function test_languageSwitch() {
            const screen = createTemporaryObject(loginScreen, root,
                                                 { width: root.width, height: root.height })
            const button = findChild(screen, "loginButton")
            compare(button.text, "登录")
            Session.language = "en"
            tryCompare(button, "text", "Log in")
            Session.language = "zh_CN"
            tryCompare(button, "text", "登录")
        }

        function test_firstLoginNeedsTheServer() {
            ShellFixture.stopServer()
            const screen = createTemporaryObject(loginScreen, root,
                                                 { width: root.width, height: root.height })
            waitForItemPolished(screen)
            findChild(screen, "serverField").text = "http://127.0.0.1:9" // nothing listens
            findChild(screen, "userField").text = "newcomer"
            clickLogin(screen, "whatever 123")
            verify(!Session.loggedIn)
            const error = findChild(screen, "loginError")
            tryCompare(error, "visible", true)
            verify(error.text.indexOf("首次登录") >= 0, error.text)
        }
    }
}
