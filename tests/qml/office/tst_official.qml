import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// The statistics bureau's figures over the test city (a real server on loopback): a value typed
// as a percent is saved and shown; a value that is not a number is refused beside the field.
Item {
    id: root
    width: 800
    height: 1280

    StackView {
        id: stack
        anchors.fill: parent
    }

    Component {
        id: official
        OfficialFiguresScreen {}
    }

    TestCase {
        name: "Official"
        when: windowShown

        function initTestCase() {
            compare(OfficeFixture.startAndLogin(), "")
        }

        function openFirstRow() {
            stack.clear()
            const page = stack.push(official)
            tryCompare(stack, "busy", false)
            tryCompare(page.figures, "loading", false, 10000)
            compare(page.figures.error, "")
            const list = findChild(page, "figureList")
            waitForItemPolished(list)
            tryVerify(() => list.itemAtIndex(0) !== null)
            return list.itemAtIndex(0)
        }

        function test_saveShowsTheValue() {
            const row = openFirstRow()
            const field = findChild(row, "valueField")
            field.text = "11.5"
            mouseClick(findChild(row, "saveButton"))
            tryCompare(row, "valueText", "11.5%", 10000)
            compare(row.error, "")
        }

        function test_notANumberRefused() {
            const row = openFirstRow()
            findChild(row, "valueField").text = "abc"
            mouseClick(findChild(row, "saveButton"))
            const message = findChild(row, "rowError")
            tryCompare(message, "visible", true)
            compare(row.errorField, "value")
        }
    }
}
