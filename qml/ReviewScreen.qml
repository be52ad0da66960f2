import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// The office reviews one survey: the survey read-only, and approve / has issues (a comment,
// optionally pinned to a field picked in the form) / reject (a comment).
Page {
    id: page
    required property string surveyId
    property alias controller: controller

    title: qsTr("Review")

    ReviewController {
        id: controller
        session: Session
        surveyId: page.surveyId
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Pane {
            Layout.fillWidth: true
            padding: 12
            ColumnLayout {
                width: parent.width
                spacing: 4
                Label {
                    text: controller.found ? controller.enterpriseName
                                           : qsTr("This survey is not on this device yet: sync first.")
                    font.bold: true
                    font.pixelSize: AppLook.px(17)
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 6
                    visible: controller.found
                    StateChip {
                        text: controller.surveyStateText
                        tone: "none"
                    }
                    StateChip {
                        objectName: "reviewStateChip"
                        text: controller.reviewStateText
                        tone: controller.reviewState === "approved" ? "good"
                            : controller.reviewState === "none" ? "none" : "bad"
                    }
                }
                Label {
                    visible: controller.reviewComment !== ""
                    text: qsTr("Last comment: %1").arg(controller.reviewComment)
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    color: "#555555"
                }
            }
        }

        // The survey beside the verdict on a wide screen, above it on a narrow one.
        GridLayout {
            readonly property bool wide: page.width >= 1000
            columns: wide ? 2 : 1
            columnSpacing: 0
            rowSpacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: true

            // The survey, read-only (FORM's SurveyForm). A tap on a field pins the comment to it.
            SurveyForm {
                objectName: "surveyForm"
                surveyId: page.surveyId
                readOnly: true
                Layout.fillWidth: true
                Layout.fillHeight: true
                onFieldActivated: (field) => controller.field = field
            }

            ReviewActions {
                controller: controller
                Layout.fillWidth: !parent.wide
                Layout.preferredWidth: parent.wide ? 400 : -1
                Layout.fillHeight: parent.wide
            }
        }
    }
}
