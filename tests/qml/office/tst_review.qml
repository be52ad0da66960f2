import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// The review screen over the test city (a real server on loopback): "has issues" without a
// comment is refused with a message; approving stores the review at the server and, after the
// sync it triggers, on the device.
Item {
    id: root
    width: 800
    height: 1280

    StackView {
        id: stack
        anchors.fill: parent
    }

    Component {
        id: review
        ReviewScreen {}
    }

    TestCase {
        name: "Review"
        when: windowShown

        function initTestCase() {
            compare(OfficeFixture.startAndLogin(), "")
        }

        function test_issuesNeedAComment_thenApprove() {
            const surveyId = OfficeFixture.surveyIds()[2]
            const page = stack.push(review, { surveyId: surveyId })
            tryCompare(stack, "busy", false)
            waitForItemPolished(page)
            verify(page.controller.found)
            compare(page.controller.reviewState, "none")

            mouseClick(findChild(page, "issuesButton"))
            const message = findChild(page, "reviewMessage")
            tryCompare(message, "visible", true)
            verify(message.text.length > 0)
            compare(page.controller.errorField, "comment")
            compare(OfficeFixture.serverReviewState(surveyId), "")

            waitForItemPolished(page)
            mouseClick(findChild(page, "approveButton"))
            tryCompare(page.controller, "reviewState", "approved", 10000)
            compare(page.controller.error, "")
            compare(OfficeFixture.serverReviewState(surveyId), "approved")
            const chip = findChild(page, "reviewStateChip")
            compare(chip.text, page.controller.reviewStateText)
        }

        function test_screenshots() {
            const dir = OfficeFixture.screenshotDir()
            const sizes = [[1280, 800], [800, 1280], [360, 740]]
            for (const size of sizes) {
                root.width = size[0]
                root.height = size[1]
                stack.clear()
                const page = stack.push(review, { surveyId: OfficeFixture.surveyIds()[0] })
                tryCompare(stack, "busy", false)
                waitForItemPolished(page)
                wait(200)
                grabImage(root).save(dir + "/review-" + size[0] + "x" + size[1] + ".png")
            }
            root.width = 800
            root.height = 1280
            stack.clear()
        }

        function test_pinnedFieldFromTheForm() {
            const surveyId = OfficeFixture.surveyIds()[0]
            const page = stack.push(review, { surveyId: surveyId })
            tryCompare(stack, "busy", false)
            waitForItemPolished(page)
            // A tap on the field in the read-only form pins the comment to it.
            const form = findChild(page, "surveyForm")
            verify(form)
            form.positionViewAtIndex(form.fields.indexOf("key_processes_cnc"), ListView.Beginning)
            waitForItemPolished(form)
            const field = findChild(form, "field_key_processes_cnc")
            verify(field)
            mouseClick(field)
            compare(page.controller.field, "key_processes_cnc")
            verify(findChild(page, "pinnedField").visible)
            verify(page.controller.fieldLabel.length > 0)
            const comment = findChild(page, "commentField")
            comment.text = "数控关键工序数与设备清单不符"
            waitForItemPolished(page)
            waitForRendering(page)
            const issues = findChild(page, "issuesButton")
            mouseClick(issues)
            tryVerify(() => page.controller.reviewState === "has_issues"
                            || page.controller.error !== "", 10000)
            compare(page.controller.error, "")
            compare(page.controller.reviewState, "has_issues")
            compare(OfficeFixture.serverReviewField(surveyId), "key_processes_cnc")
        }
    }
}
