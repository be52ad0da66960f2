import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// The registry import screen over the test city (a real server on loopback), reached from the
// office's menu: a file with a bad row is previewed with that row's line, column and reason in
// Chinese and nothing is imported; a good file is previewed with its counts and, once the clerk
// confirms, imported, and the server then holds it. The enterprise it adds is not above size
// and lies in 景宁 (331127), so no figure another suite of this folder checks changes.
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
        RegistryImportScreen {}
    }

    Button {
        id: menuAnchor
        text: "menu"
        AppMenu {
            id: menu
        }
    }

    SignalSpy {
        id: registryRequested
        target: menu
        signalName: "registryRequested"
    }

    TestCase {
        name: "Registry"
        when: windowShown

        function initTestCase() {
            compare(OfficeFixture.startAndLogin(), "")
        }

        function cleanup() {
            menu.close()
            stack.clear()
        }

        function openScreen() {
            stack.clear()
            const screen = stack.push(screenComponent)
            tryCompare(stack, "busy", false)
            waitForItemPolished(screen)
            return screen
        }

        function check(screen, path) {
            findChild(screen, "pathField").text = path
            const button = findChild(screen, "checkButton")
            tryCompare(button, "enabled", true)
            mouseClick(button)
            tryCompare(screen.importer, "busy", false, 10000)
            waitForItemPolished(screen)
        }

        function line(uscc, name, region, aboveSize) {
            return [uscc, name, region, "3421", aboveSize].join(",")
        }

        function test_reachableFromTheOfficeMenu() {
            compare(Session.role, "office")
            menu.open()
            tryCompare(menu, "opened", true)
            const item = menu.itemAt(1)
            compare(item.objectName, "registryMenuItem")
            verify(item.visible)
            verify(item.height > 0)
            compare(item.text, "导入企业名录")
            registryRequested.clear()
            waitForRendering(menu.contentItem)
            mouseClick(item)
            compare(registryRequested.count, 1)
        }

        function test_badRowPreviewedThenGoodFileImported() {
            const screen = openScreen()
            compare(screen.title, "导入企业名录")
            const added = OfficeFixture.newUscc(40)
            const good = line(added, "景宁新登记五金厂", "331127", "否")

            // A file with one bad row (line 7): listed in Chinese, nothing imported.
            const bad = OfficeFixture.writeRegistryFile("registry-bad.csv",
                [good, line(OfficeFixture.newUscc(41), "外地企业", "339999", "是")])
            verify(bad !== "")
            check(screen, bad)
            const error = findChild(screen, "errorText")
            verify(error.visible)
            verify(error.text.indexOf("未导入任何数据") >= 0, error.text)
            verify(!findChild(screen, "summary").visible)
            const list = findChild(screen, "errorList")
            verify(list.visible)
            compare(list.count, 1)
            tryVerify(() => list.itemAtIndex(0) !== null)
            const row = list.itemAtIndex(0)
            const where = findChild(row, "whereText").text
            verify(where.indexOf("第 7 行") >= 0, where)
            verify(where.indexOf("地区代码") >= 0, where)
            const why = findChild(row, "messageText").text
            verify(why.indexOf("未知的地区代码“339999”") >= 0, why)
            verify(why.indexOf("unknown region") < 0, why)
            compare(OfficeFixture.serverEnterpriseName(added), "")

            // The corrected file: its counts, then the import the clerk confirms.
            const fixed = OfficeFixture.writeRegistryFile("registry-good.csv", [good])
            check(screen, fixed)
            verify(!error.visible)
            verify(!list.visible)
            const summary = findChild(screen, "summary")
            verify(summary.visible)
            compare(findChild(findChild(screen, "addedCount"), "countValue").text, "1")
            compare(findChild(findChild(screen, "updatedCount"), "countValue").text, "0")
            compare(findChild(findChild(screen, "unchangedCount"), "countValue").text, "4")
            const message = findChild(screen, "messageText")
            verify(message.text.indexOf("尚未导入") >= 0, message.text)
            compare(OfficeFixture.serverEnterpriseName(added), "") // a preview writes nothing
            const importButton = findChild(screen, "importButton")
            verify(importButton.visible)
            verify(importButton.enabled)
            mouseClick(importButton)
            tryCompare(screen.importer, "busy", false, 10000)
            verify(message.text.indexOf("已导入 5 行") >= 0, message.text)
            verify(!importButton.visible)
            compare(OfficeFixture.serverEnterpriseName(added), "景宁新登记五金厂")

            // Checked again, the file changes nothing: nothing to confirm.
            check(screen, fixed)
            verify(summary.visible)
            verify(!importButton.enabled)
            verify(message.text.indexOf("没有需要导入的内容") >= 0, message.text)
        }

        function test_fileRefusedOnTheDevice() {
            const screen = openScreen()
            check(screen, "/nonexistent/registry.csv")
            const error = findChild(screen, "errorText")
            verify(error.visible)
            verify(error.text.indexOf("不存在") >= 0, error.text)
            verify(!findChild(screen, "summary").visible)
        }
    }
}
