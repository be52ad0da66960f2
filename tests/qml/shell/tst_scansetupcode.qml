import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// The setup code scanned through the real screens: the login screen's 扫码 opens
// ScanSetupCodeScreen, whose camera (injected: it films what Fixture.showToCamera holds up)
// sees the office's QR code; server and user are filled on the login screen and the scan screen
// closes. A QR code that is no setup code is named as such and the scan goes on; cancel
// changes nothing. And the notice that the keychain would not keep the login, shown once.
Item {
    id: root
    width: 400
    height: 760

    Component {
        id: loginStack
        StackView {
            initialItem: LoginScreen {}
        }
    }

    Component {
        id: mainBanner
        KeychainNoticeBanner {}
    }

    TestCase {
        name: "ScanSetupCode"
        when: windowShown

        function init() {
            Session.logout()
            Fixture.showToCamera("")
        }

        function openScan(stack) {
            const login = stack.currentItem
            waitForItemPolished(login)
            const scan = findChild(login, "scanButton")
            verify(scan.visible, "the injected camera counts as a camera")
            compare(scan.text, "扫码")
            compare(findChild(login, "noCameraLabel").visible, false)
            mouseClick(scan)
            tryCompare(stack, "depth", 2)
            tryCompare(stack, "busy", false)
            const screen = stack.currentItem
            compare(screen.objectName, "scanSetupCodeScreen")
            compare(findChild(screen, "scanHint").text, "将设置码对准方框")
            return screen
        }

        function test_scanFillsServerAndUser() {
            const stack = createTemporaryObject(loginStack, root,
                                                { width: root.width, height: root.height })
            const login = stack.currentItem
            findChild(login, "serverField").text = "http://typed.example:1"
            findChild(login, "userField").text = "someone"
            const screen = openScan(stack)
            Fixture.showToCamera("gengxin://setup?server=http%3A%2F%2F10.20.0.7%3A8470&user=wang.li")
            tryCompare(stack, "depth", 1, 10000) // read: the scan screen closed
            compare(findChild(login, "serverField").text, "http://10.20.0.7:8470")
            compare(findChild(login, "userField").text, "wang.li")
            compare(Session.serverUrl, "http://10.20.0.7:8470")
            compare(findChild(login, "loginError").visible, false)
        }

        function test_notASetupCodeKeepsScanning() {
            const stack = createTemporaryObject(loginStack, root,
                                                { width: root.width, height: root.height })
            const login = stack.currentItem
            const server = findChild(login, "serverField").text
            const screen = openScan(stack)
            const message = findChild(screen, "scanMessage")
            compare(message.visible, false)
            Fixture.showToCamera("https://www.lishui.gov.cn/")
            tryCompare(message, "visible", true, 10000)
            const text = findChild(screen, "scanMessageText").text
            verify(text.indexOf("这不是更新系统的设置码") === 0, text)
            wait(300)
            compare(stack.depth, 2) // still scanning
            compare(findChild(login, "serverField").text, server)

            // Then the right one.
            Fixture.showToCamera("gengxin://setup?server=https%3A%2F%2Fgx.lishui.example.cn&user=%E7%8E%8B%E4%B8%BD")
            tryCompare(stack, "depth", 1, 10000)
            compare(findChild(login, "serverField").text, "https://gx.lishui.example.cn")
            compare(findChild(login, "userField").text, "王丽")
        }

        function test_cancel() {
            const stack = createTemporaryObject(loginStack, root,
                                                { width: root.width, height: root.height })
            const login = stack.currentItem
            const server = findChild(login, "serverField").text
            const user = findChild(login, "userField").text
            const screen = openScan(stack)
            mouseClick(findChild(screen, "cancelScanButton"))
            tryCompare(stack, "depth", 1)
            Fixture.showToCamera("gengxin://setup?server=http%3A%2F%2F10.9.9.9&user=late")
            wait(300)
            compare(findChild(login, "serverField").text, server)
            compare(findChild(login, "userField").text, user)
        }

        function test_typedCodeStillWorks() {
            const stack = createTemporaryObject(loginStack, root,
                                                { width: root.width, height: root.height })
            const login = stack.currentItem
            waitForItemPolished(login)
            findChild(login, "setupCodeField").text =
                "gengxin://setup?server=http%3A%2F%2F10.3.3.3%3A8470&user=li.na"
            mouseClick(findChild(login, "applyCodeButton"))
            compare(findChild(login, "serverField").text, "http://10.3.3.3:8470")
            compare(findChild(login, "userField").text, "li.na")
            compare(findChild(login, "setupCodeField").text, "")
        }

        // On a phone, in either language and at large type, the setup code's placeholder and
        // its buttons are whole (the placeholder once named the code in a sentence and was cut).
        function test_setupCodeFitsAPhone_data() {
            return [
                { tag: "zh", language: "zh_CN", pixelSize: 14 },
                { tag: "en", language: "en", pixelSize: 14 },
                { tag: "zh large", language: "zh_CN", pixelSize: 21 },
                { tag: "en large", language: "en", pixelSize: 21 },
            ]
        }

        function test_setupCodeFitsAPhone(data) {
            Session.language = data.language
            const stack = createTemporaryObject(loginStack, root, { width: 360, height: 740 })
            stack.font.pixelSize = data.pixelSize
            const login = stack.currentItem
            waitForItemPolished(login)
            const field = findChild(login, "setupCodeField")
            let placeholder = null
            for (let i = 0; i < field.children.length; ++i) {
                if (field.children[i].text === field.placeholderText)
                    placeholder = field.children[i]
            }
            verify(placeholder !== null && placeholder.visible, "the placeholder is shown")
            compare(placeholder.truncated, false, "the placeholder is cut off")
            for (const name of ["applyCodeButton", "scanButton"]) {
                const button = findChild(login, name)
                verify(button.implicitWidth <= button.width + 0.5,
                       name + " " + button.implicitWidth + " > " + button.width)
            }
            Session.language = "zh_CN"
        }

        function test_keychainNoticeShownOnce() {
            Fixture.forgetKeychainNoticeRead()
            const banner = createTemporaryObject(mainBanner, root, { width: root.width })
            compare(banner.visible, false)
            Fixture.keychainFellBack("refused")
            tryCompare(banner, "visible", true)
            const text = findChild(banner, "keychainNoticeText").text
            verify(text.indexOf("系统钥匙串") >= 0, text)
            verify(text.indexOf("受保护的文件") >= 0, text)
            Session.language = "en"
            tryVerify(() => findChild(banner, "keychainNoticeText").text.indexOf("keychain") >= 0)
            Session.language = "zh_CN"
            mouseClick(findChild(banner, "keychainNoticeDismiss"))
            tryCompare(banner, "visible", false)
            // Read once: a later refusal says nothing again on this device.
            Fixture.keychainFellBack("absent")
            wait(50)
            compare(banner.visible, false)
            compare(Session.keychainNotice, "")
            Fixture.forgetKeychainNoticeRead()
        }
    }
}
