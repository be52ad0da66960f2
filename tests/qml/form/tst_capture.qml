import QtQuick
import QtQuick.Controls
import QtTest
import Gengxin.App
import Gengxin.Ui
import Gengxin.Testing

// The nameplate photo of an equipment row through the real screens: without a camera the field
// offers the file picker and says 本设备没有摄像头; with the injected camera (the drawn nameplate)
// 拍照 opens CaptureScreen, 拍照 there shows the photo as it will be stored (1600x1200), 使用照片
// stores it and says 已保存, and the field shows its thumbnail with the blob as its value; a
// failing camera says why, naming the field, and changes nothing; so does a picked file that is
// refused (选择照片 with a file that is not a picture or cannot be read).
FormTestBench {
    id: bench

    property string rowId

    Component {
        id: rowScreen
        EquipmentRowScreen {}
    }

    TestCase {
        id: test
        name: "Capture"
        when: windowShown

        function initTestCase() {
            verify(bench.seed("form-capture"))
        }

        function init() {
            bench.rowId = Fixture.createRecord("equipment", { "survey": bench.surveyId,
                                                              "name": "空压机" })
            verify(bench.rowId !== "")
        }

        function cleanup() {
            FormFixture.useSampleCamera(false)
            bench.nav.clear(StackView.Immediate)
        }

        function openRow() {
            const screen = bench.nav.push(rowScreen, { rowId: bench.rowId }, StackView.Immediate)
            waitForRendering(screen)
            const form = findChild(screen, "recordForm")
            tryCompare(form.fields, "loaded", true)
            // the row's form is long: bring the photo field into view
            form.positionViewAtIndex(form.fields.indexOf("photo"), ListView.Center)
            tryVerify(() => findChild(screen, "field_photo") !== null)
            const field = findChild(screen, "field_photo")
            waitForRendering(screen)
            return field
        }

        function openCamera(field) {
            const take = findChild(field, "takePhoto")
            tryCompare(take, "visible", true)
            waitForItemPolished(take)
            mouseClick(take)
            const popup = findChild(field, "capturePopup")
            tryCompare(popup, "opened", true)
            tryVerify(() => findChild(popup.contentItem, "captureScreen") !== null)
            const screen = findChild(popup.contentItem, "captureScreen")
            tryCompare(screen.capture, "state", PhotoCapture.Live)
            waitForRendering(screen)
            return screen
        }

        function click(screen, name) {
            const button = findChild(screen, name)
            tryCompare(button, "visible", true)
            waitForItemPolished(button.parent) // the row of buttons lays out what shows
            waitForRendering(button)
            mouseClick(button)
        }

        function test_noCameraOffersTheFilePicker() {
            const field = openRow()
            compare(CameraSupport.available, false)
            compare(findChild(field, "takePhoto").visible, false)
            compare(findChild(field, "noCamera").visible, true)
            compare(findChild(field, "noCamera").text, "本设备没有摄像头")
            compare(findChild(field, "choosePhoto").visible, true)
            compare(findChild(field, "choosePhoto").text, "选择照片")
        }

        function test_takeAndUse() {
            FormFixture.useSampleCamera(true)
            const field = openRow()
            compare(findChild(field, "noCamera").visible, false)
            const screen = openCamera(field)
            compare(screen.title, "拍摄：铭牌照片")
            click(screen, "captureShutter")
            tryCompare(screen.capture, "state", PhotoCapture.Review)
            compare(findChild(screen, "capturePreview").visible, true)
            verify(findChild(screen, "capturePhotoSize").text.startsWith("1600 × 1200 像素"))
            compare(Fixture.record("equipment", bench.rowId).photo, undefined) // not before use
            const outboxBefore = Fixture.outboxCount()

            click(screen, "captureUse")
            tryCompare(screen.capture, "state", PhotoCapture.Saved)
            compare(findChild(screen, "captureSaved").text, "已保存")
            const sha = Fixture.record("equipment", bench.rowId).photo
            verify(/^[0-9a-f]{64}$/.test(sha), sha)
            compare(screen.capture.savedSha, sha)
            const stored = FormFixture.photoSize(sha) // the blob is a JPEG of 1600x1200
            compare(stored.width, 1600)
            compare(stored.height, 1200)
            verify(Fixture.outboxCount() >= outboxBefore)

            const popup = findChild(field, "capturePopup")
            tryCompare(popup, "visible", false)
            const thumbnail = findChild(field, "photoThumbnail")
            tryCompare(thumbnail, "visible", true)
            verify(thumbnail.source.toString().endsWith("/" + sha), thumbnail.source)
            tryCompare(thumbnail, "status", Image.Ready)
            compare(findChild(field, "choosePhoto").text, "更换")
        }

        function test_retakeThenCancelKeepsTheField() {
            FormFixture.useSampleCamera(true)
            const field = openRow()
            const screen = openCamera(field)
            click(screen, "captureShutter")
            tryCompare(screen.capture, "state", PhotoCapture.Review)
            click(screen, "captureRetake")
            tryCompare(screen.capture, "state", PhotoCapture.Live)
            compare(findChild(screen, "capturePreview").visible, false)
            click(screen, "captureCancel")
            tryCompare(findChild(field, "capturePopup"), "visible", false)
            compare(Fixture.record("equipment", bench.rowId).photo, undefined)
        }

        function test_cameraFailureSaysWhyAndChangesNothing() {
            FormFixture.useSampleCamera(true)
            const field = openRow()
            const screen = openCamera(field)
            const before = Fixture.record("equipment", bench.rowId)
            const outboxBefore = Fixture.outboxCount()
            FormFixture.failNextCapture("摄像头出错（设备忙）")
            click(screen, "captureShutter")
            tryCompare(findChild(screen, "captureError"), "visible", true)
            compare(findChild(screen, "captureError").text, "「铭牌照片」未保存：摄像头出错（设备忙）")
            compare(screen.capture.state, PhotoCapture.Live)
            compare(Fixture.record("equipment", bench.rowId), before)
            compare(Fixture.outboxCount(), outboxBefore)
            // the next try works
            FormFixture.failNextCapture("")
            click(screen, "captureShutter")
            tryCompare(screen.capture, "state", PhotoCapture.Review)
            compare(findChild(screen, "captureError").visible, false)
        }

        function test_pickedFileRefusedSaysWhy_data() {
            return [
                { tag: "not a picture", file: Qt.resolvedUrl("tst_capture.qml"),
                  reason: "该文件不是图片" },
                { tag: "missing", file: Qt.resolvedUrl("no-such-nameplate.jpg"),
                  reason: "无法读取照片：" },
            ]
        }

        function test_pickedFileRefusedSaysWhy(data) {
            const field = openRow()
            const editor = findChild(field, "photoEditor")
            const error = findChild(field, "photoError")
            compare(error.visible, false)
            const before = Fixture.record("equipment", bench.rowId)
            const outboxBefore = Fixture.outboxCount()
            editor.pickFile(data.file)
            tryCompare(error, "visible", true)
            verify(error.text.startsWith("「铭牌照片」未保存：" + data.reason), error.text)
            compare(Fixture.record("equipment", bench.rowId), before)
            compare(Fixture.outboxCount(), outboxBefore)
        }
    }
}
