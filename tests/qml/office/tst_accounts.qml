import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// The accounts screen over the test city (a real server on loopback), as office: the list by
// county, making an inspector account (its one-time password once, the setup code as QR code and
// text without the password), refusals naming the field in Chinese with nothing made, disable
// and enable; then the new inspector's first login on the real login screen, which asks for
// their own password before letting them in, and a setup code typed into the login screen.
Item {
    id: root
    width: 800
    height: 1280

    StackView {
        id: stack
        anchors.fill: parent
    }

    Component {
        id: screenComponent
        AccountsScreen {}
    }
    Component {
        id: loginComponent
        LoginScreen {}
    }

    Button {
        id: menuAnchor
        text: "menu"
        AppMenu {
            id: menu
        }
    }

    SignalSpy {
        id: loginSpy
        target: Session
        signalName: "loginFinished"
    }

    TestCase {
        name: "Accounts"
        when: windowShown
        property string oneTimePassword: ""

        function initTestCase() {
            compare(OfficeFixture.startAndLogin(), "")
        }

        function cleanup() {
            menu.close()
            stack.clear()
            compare(OfficeFixture.startAndLogin(), "")
        }

        function openScreen() {
            stack.clear()
            const screen = stack.push(screenComponent)
            tryCompare(stack, "busy", false)
            tryCompare(screen.accounts, "busy", false, 10000)
            waitForItemPolished(screen)
            return screen
        }

        function makeAccount(screen, name, roleIndex, usccText) {
            findChild(screen, "newUsernameField").text = name
            findChild(screen, "newRoleBox").currentIndex = roleIndex
            if (usccText !== undefined)
                findChild(screen, "newUsccField").text = usccText
            const county = findChild(screen, "newCountyBox")
            county.currentIndex = county.indexOfValue(OfficeFixture.region())
            waitForItemPolished(screen)
            mouseClick(findChild(screen, "createButton"))
            tryCompare(screen.accounts, "busy", false, 10000)
        }

        function rowOf(screen, name) {
            const list = findChild(screen, "accountList")
            for (let i = 0; i < list.count; ++i) {
                const item = list.itemAtIndex(i)
                if (item && item.username === name)
                    return item
            }
            return null
        }

        function test_1_menuAndList() {
            menu.open()
            tryCompare(menu, "opened", true)
            const item = menu.itemAt(2)
            compare(item.objectName, "accountsMenuItem")
            verify(item.visible)
            compare(item.text, "账号管理")
            menu.close()
            const screen = openScreen()
            compare(screen.title, "账号管理")
            verify(screen.accounts.count >= 1)
            verify(rowOf(screen, "office") !== null)
            // Office may make inspector and enterprise accounts only.
            compare(screen.accounts.roles.length, 2)
        }

        function test_2_makeInspector() {
            const screen = openScreen()
            makeAccount(screen, "insp.new", 0)
            compare(screen.accounts.error, "")
            const card = findChild(screen, "setupCodeCard")
            verify(card.visible)
            const password = findChild(screen, "oneTimePassword").text
            verify(password.length >= 12, password)
            const code = findChild(screen, "setupCodeText").text
            verify(code.indexOf("gengxin://setup?server=") === 0, code)
            verify(code.indexOf("user=insp.new") > 0, code)
            verify(code.indexOf(password) < 0, code)
            verify(findChild(screen, "setupQr").valid)
            verify(findChild(screen, "setupQr").modules >= 21)
            oneTimePassword = password
            tryVerify(() => rowOf(screen, "insp.new") !== null)
            const row = rowOf(screen, "insp.new")
            compare(row.roleLabel, "检查员")
            verify(findChild(row, "accountState").visible)
            // Filtered to its county, the list holds it.
            screen.accounts.county = OfficeFixture.region()
            verify(rowOf(screen, "insp.new") !== null)
            verify(rowOf(screen, "office") === null)
            mouseClick(findChild(screen, "dismissButton"))
            verify(!card.visible)
            compare(screen.accounts.oneTimePassword, "")
        }

        function test_3_refusals_data() {
            return [
                { tag: "bad name", name: "li si", role: 0, uscc: "", field: "username", text: "用户名" },
                { tag: "taken name", name: "office", role: 0, uscc: "", field: "username", text: "已被占用" },
                { tag: "bad uscc", name: "ent.bad", role: 1, uscc: "91331123XXXX", field: "enterprise", text: "统一社会信用代码" },
                { tag: "uscc not in the registry", name: "ent.unknown", role: 1, uscc: OfficeFixture.newUscc(7), field: "enterprise", text: "名录" },
            ]
        }

        function test_3_refusals(data) {
            const screen = openScreen()
            const before = screen.accounts.count
            makeAccount(screen, data.name, data.role, data.uscc)
            compare(screen.accounts.errorField, data.field)
            const error = findChild(screen, "accountsError")
            verify(error.visible)
            verify(error.text.indexOf(data.text) >= 0, error.text)
            verify(!findChild(screen, "setupCodeCard").visible)
            screen.accounts.reload()
            tryCompare(screen.accounts, "busy", false, 10000)
            compare(screen.accounts.count, before)
        }

        function test_4_disableAndEnable() {
            const screen = openScreen()
            let row = rowOf(screen, "insp.new")
            verify(row !== null)
            mouseClick(findChild(row, "disableButton"))
            tryCompare(screen.accounts, "busy", false, 10000)
            tryVerify(() => rowOf(screen, "insp.new") !== null && rowOf(screen, "insp.new").disabled)
            row = rowOf(screen, "insp.new")
            compare(findChild(row, "accountState").text, "已停用")
            mouseClick(findChild(row, "disableButton"))
            tryCompare(screen.accounts, "busy", false, 10000)
            tryVerify(() => rowOf(screen, "insp.new") !== null && !rowOf(screen, "insp.new").disabled)
        }

        function test_5_firstLoginAsksForOwnPassword() {
            verify(oneTimePassword.length > 0)
            Session.logout()
            stack.clear()
            const login = stack.push(loginComponent)
            tryCompare(stack, "busy", false)
            findChild(login, "serverField").text = OfficeFixture.serverUrl()
            findChild(login, "userField").text = "insp.new"
            findChild(login, "passwordField").text = oneTimePassword
            waitForItemPolished(login)
            loginSpy.clear()
            mouseClick(findChild(login, "loginButton"))
            tryCompare(loginSpy, "count", 1, 10000)
            compare(loginSpy.signalArguments[0][0], false)
            verify(Session.passwordChangeRequired)
            verify(!Session.loggedIn)
            const form = findChild(login, "changePasswordForm")
            verify(form.visible)
            verify(!findChild(login, "passwordField").visible)
            waitForItemPolished(login)

            // Two different passwords: refused on the device, in Chinese.
            findChild(login, "newPasswordField").text = "my own pass 1"
            findChild(login, "repeatPasswordField").text = "my own pass 2"
            mouseClick(findChild(login, "changePasswordButton"))
            verify(findChild(login, "loginError").text.indexOf("不一致") >= 0,
                   findChild(login, "loginError").text)
            verify(Session.passwordChangeRequired)

            loginSpy.clear()
            findChild(login, "repeatPasswordField").text = "my own pass 1"
            mouseClick(findChild(login, "changePasswordButton"))
            tryVerify(() => loginSpy.count > 0 && loginSpy.signalArguments[loginSpy.count - 1][0], 15000)
            verify(Session.loggedIn)
            compare(Session.role, "inspector")
            compare(Session.region, OfficeFixture.region())
            verify(!Session.passwordChangeRequired)

            // The one-time password no longer lets anyone in.
            Session.logout()
            loginSpy.clear()
            Session.login(OfficeFixture.serverUrl(), "insp.new", oneTimePassword)
            tryCompare(loginSpy, "count", 1, 10000)
            compare(loginSpy.signalArguments[0][0], false)
            verify(!Session.passwordChangeRequired)
        }

        function test_6_setupCodeOnTheLoginScreen() {
            Session.logout()
            stack.clear()
            const login = stack.push(loginComponent)
            tryCompare(stack, "busy", false)
            waitForItemPolished(login)
            const code = findChild(login, "setupCodeField")
            code.text = "https://not-a-code.example.cn"
            mouseClick(findChild(login, "applyCodeButton"))
            verify(findChild(login, "loginError").text.indexOf("设置码") >= 0)
            code.text = "  gengxin://setup?server=http%3A%2F%2F10.0.0.5%3A8470&user=wang.li\n"
            mouseClick(findChild(login, "applyCodeButton"))
            compare(findChild(login, "loginError").text, "")
            compare(findChild(login, "serverField").text, "http://10.0.0.5:8470")
            compare(findChild(login, "userField").text, "wang.li")
            compare(code.text, "")
        }
    }
}
