import QtQuick
import QtQuick.Controls
import Gengxin.App

// The state of an enterprise's survey of the period: not started, draft or submitted.
Label {
    id: chip
    property string surveyState: "not_started"

    text: surveyState === "submitted" ? qsTr("Submitted")
        : surveyState === "draft" ? qsTr("Draft") : qsTr("Not started")
    color: "white"
    font.pixelSize: AppLook.px(12)
    leftPadding: 8
    rightPadding: 8
    topPadding: 3
    bottomPadding: 3
    background: Rectangle {
        radius: 10
        color: chip.surveyState === "submitted" ? "#2e7d32" : chip.surveyState === "draft" ? "#ef6c00" : "#78909c"
    }
}
