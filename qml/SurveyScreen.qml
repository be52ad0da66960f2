import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Gengxin.App

// A survey: its fields, its equipment rows and key processes, the office's review tasks on top,
// and submission (which lists each problem; a tap jumps to the field).
Page {
    id: screen

    required property string surveyId
    // The tab it opens on (0 the form, 1 equipment, 2 key processes, 3 local supply).
    property int startTab: 0

    // Shows a field: the survey's own in the form, a row's on that row's screen.
    function jumpTo(entity, recordId, field) {
        if (entity === "survey") {
            tabs.currentIndex = 0
            Qt.callLater(form.focusField, field)
        } else {
            openRow(entity, recordId, field)
        }
    }
    function openRow(entity, rowId, field) {
        StackView.view.push(Qt.resolvedUrl("EquipmentRowScreen.qml"),
                            { rowId: rowId, entity: entity, focusField: field || "" })
    }

    title: controller.loaded ? qsTr("%1 · %2 survey").arg(controller.enterpriseName).arg(controller.period)
                             : qsTr("Survey")

    SurveyController {
        id: controller
        session: Session
        surveyId: screen.surveyId
    }
    EquipmentListModel {
        id: equipment
        session: Session
        surveyId: screen.surveyId
    }
    EquipmentListModel {
        id: processes
        session: Session
        entity: "key_process"
        surveyId: screen.surveyId
    }
    LocalSupplyModel {
        id: supplyModel
        session: Session
        surveyId: screen.surveyId
    }
    ReviewTaskModel {
        id: tasks
        session: Session
        surveyId: screen.surveyId
    }

    header: TabBar {
        id: tabs
        Component.onCompleted: currentIndex = screen.startTab
        // Each tab as wide as its text at least (English, large type): the bar then scrolls.
        TabButton {
            objectName: "surveyTab"
            width: Math.max(implicitWidth, tabs.width / tabs.count)
            text: qsTr("Enterprise")
        }
        TabButton {
            objectName: "equipmentTab"
            width: Math.max(implicitWidth, tabs.width / tabs.count)
            text: qsTr("Equipment (%1)").arg(equipment.count)
        }
        TabButton {
            objectName: "processTab"
            width: Math.max(implicitWidth, tabs.width / tabs.count)
            text: qsTr("Key processes (%1)").arg(processes.count)
        }
        TabButton {
            objectName: "supplyTab"
            width: Math.max(implicitWidth, tabs.width / tabs.count)
            text: qsTr("Local supply")
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Repeater {
            model: tasks
            delegate: ReviewTaskBanner {
                required property int index
                required property var model
                objectName: "reviewTask_" + index
                Layout.fillWidth: true
                Layout.maximumHeight: 120
                clip: true
                comment: model.comment
                stateLabel: model.stateLabel
                fieldLabel: model.fieldLabel
                canFinish: true
                onClicked: screen.jumpTo(model.entity, model.recordId, model.field)
                onFinished: tasks.markDone(index)
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            SurveyForm {
                id: form
                objectName: "surveyForm"
                surveyId: screen.surveyId
            }
            EquipmentList {
                objectName: "equipmentList"
                rows: equipment
                onOpenRow: rowId => screen.openRow("equipment", rowId, "")
            }
            EquipmentList {
                objectName: "processList"
                rows: processes
                addText: qsTr("Add key process")
                onOpenRow: rowId => screen.openRow("key_process", rowId, "")
            }
            LocalSupplyList {
                objectName: "supplyPanel"
                supply: supplyModel
            }
        }
    }

    footer: Pane {
        Material.elevation: 4
        padding: 4
        leftPadding: 16
        rightPadding: 8
        contentItem: RowLayout {
            Label {
                objectName: "surveyState"
                Layout.fillWidth: true
                text: controller.submitted ? qsTr("Submitted") : qsTr("Draft · saved as you type")
                elide: Text.ElideRight
            }
            Button {
                objectName: "submitButton"
                text: controller.submitted ? qsTr("Check again") : qsTr("Submit")
                highlighted: !controller.submitted
                onClicked: {
                    if (controller.submitted ? controller.check() === 0 : controller.submit())
                        submittedDialog.open()
                    else
                        issuesDialog.open()
                }
            }
        }
    }

    SubmitIssuesDialog {
        id: issuesDialog
        objectName: "issuesDialog"
        issues: controller.issues
        onIssueActivated: (entity, recordId, field) => screen.jumpTo(entity, recordId, field)
    }
    Dialog {
        id: submittedDialog
        objectName: "submittedDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width - 32 : 360, 420)
        modal: true
        title: qsTr("Submitted")
        standardButtons: Dialog.Ok
        Label {
            width: parent.width
            text: qsTr("The survey is submitted. It goes to the office with the next sync.")
            wrapMode: Text.Wrap
        }
    }
}
