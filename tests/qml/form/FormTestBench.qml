import QtQuick
import QtQuick.Controls
import Gengxin.App
import Gengxin.Testing

// A window-sized root with a StackView, as Main has it, and one enterprise with a draft survey.
Item {
    id: bench

    readonly property string uscc: "91331102710000371F"
    property string surveyId
    readonly property alias nav: stack

    // Opens a fresh store for the user (one per test file) and seeds it.
    function seed(user) {
        if (Fixture.openLocal(user, "inspector", "331102") !== "")
            return false
        Session.language = "zh_CN"
        Fixture.createRecord("enterprise", { "name": "丽水精工机械有限公司", "region": "331102" },
                             uscc)
        surveyId = Fixture.createRecord("survey", { "enterprise": uscc, "period": 2024,
                                                    "state": "draft" })
        return surveyId !== ""
    }

    width: 1280
    height: 1280

    StackView {
        id: stack
        anchors.fill: parent
    }
}
