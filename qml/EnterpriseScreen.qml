import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Gengxin.App

// One enterprise: what the office asks to fix, its survey of the period (start or open it), its
// surveys of other periods and its profile.
Page {
    id: page
    objectName: "enterpriseScreen"
    required property string uscc
    property alias model: enterprise
    title: enterprise.name.length > 0 ? enterprise.name : qsTr("Enterprise")

    EnterpriseModel {
        id: enterprise
        session: Session
        uscc: page.uscc
    }

    function openSurvey(surveyId) {
        page.StackView.view.push(Qt.resolvedUrl("SurveyScreen.qml"), { surveyId: surveyId })
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            width: Math.min(parent.width - 32, 900)
            x: (parent.width - width) / 2
            y: 16
            spacing: 12

            Label {
                text: enterprise.name
                font.pixelSize: AppLook.px(22)
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: page.uscc + " · " + enterprise.regionName
                opacity: 0.7
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: !enterprise.exists
                text: qsTr("This enterprise is not on this device.")
                color: "#c62828"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            // What the office asked to fix.
            Repeater {
                model: enterprise.reviewTasks
                delegate: Frame {
                    id: task
                    required property var modelData
                    objectName: "reviewTask"
                    Layout.fillWidth: true
                    background: Rectangle {
                        color: "#fff3e0"
                        border.color: "#ef6c00"
                        radius: 6
                    }
                    ColumnLayout {
                        width: parent.width
                        spacing: 4
                        Label {
                            text: task.modelData.state === "rejected"
                                  ? qsTr("Survey %1 rejected by the office").arg(task.modelData.period)
                                  : qsTr("Survey %1: the office asks for changes").arg(task.modelData.period)
                            font.bold: true
                            color: "#e65100"
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            visible: task.modelData.fieldLabel.length > 0
                            text: qsTr("Field: %1").arg(task.modelData.fieldLabel)
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            objectName: "reviewComment"
                            text: task.modelData.comment
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Button {
                            text: qsTr("Open the survey")
                            flat: true
                            onClicked: page.openSurvey(task.modelData.surveyId)
                        }
                    }
                }
            }

            Button {
                objectName: "startSurveyButton"
                visible: enterprise.exists
                highlighted: true
                text: enterprise.currentSurveyId.length > 0
                      ? qsTr("Open the survey of %1").arg(Session.period)
                      : qsTr("Start the survey of %1").arg(Session.period)
                Layout.fillWidth: true
                Layout.preferredHeight: 52
                onClicked: {
                    const id = enterprise.startSurvey(Session.period)
                    if (id.length > 0)
                        page.openSurvey(id)
                }
            }

            Label {
                visible: enterprise.surveys.length > 0
                text: qsTr("Surveys")
                font.pixelSize: AppLook.px(18)
                font.bold: true
                Layout.topMargin: 8
            }
            Repeater {
                model: enterprise.surveys
                delegate: ItemDelegate {
                    id: surveyRow
                    required property var modelData
                    Layout.fillWidth: true
                    onClicked: page.openSurvey(modelData.id)
                    contentItem: RowLayout {
                        spacing: 8
                        Label {
                            text: qsTr("Survey %1").arg(surveyRow.modelData.period)
                            Layout.fillWidth: true
                        }
                        Badge {
                            count: surveyRow.modelData.reviewTasks
                            prefix: qsTr("To fix")
                        }
                        Label {
                            visible: surveyRow.modelData.localState !== "synced"
                            text: surveyRow.modelData.localState === "rejected" ? qsTr("Refused by the server")
                                                                                : qsTr("Not sent yet")
                            font.pixelSize: AppLook.px(12)
                            color: "#1565c0"
                        }
                        SurveyStateChip { surveyState: surveyRow.modelData.state }
                    }
                }
            }

            Label {
                text: qsTr("Profile")
                font.pixelSize: AppLook.px(18)
                font.bold: true
                Layout.topMargin: 8
            }
            GridLayout {
                columns: page.width > 600 ? 2 : 1
                columnSpacing: 24
                rowSpacing: 2
                Layout.fillWidth: true
                Repeater {
                    model: enterprise.profile
                    delegate: ColumnLayout {
                        id: field
                        required property var modelData
                        spacing: 0
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Label {
                            text: field.modelData.label
                            font.pixelSize: AppLook.px(12)
                            opacity: 0.6
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                        Label {
                            text: field.modelData.value.length > 0 ? field.modelData.value : "—"
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                            Layout.bottomMargin: 8
                        }
                    }
                }
            }
        }
    }
}
