import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// One line of the enterprise list: name, USCC and county, survey state, badges for review
// tasks and conflicts, and a mark for changes not yet sent.
ItemDelegate {
    id: row
    background: RowBackground { pressed: row.down; hovered: row.hovered }
    required property int index
    required property string uscc
    required property string name
    required property string regionName
    required property string surveyState
    required property string localState
    required property int reviewTasks
    required property int conflicts

    width: ListView.view ? ListView.view.width : implicitWidth
    padding: 12
    contentItem: RowLayout {
        spacing: 10
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            Label {
                text: row.name
                font.pixelSize: AppLook.px(16)
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: row.uscc + " · " + row.regionName
                font.pixelSize: AppLook.px(12)
                opacity: 0.65
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: 6
                visible: row.reviewTasks > 0 || row.conflicts > 0 || row.localState === "pending"
                         || row.localState === "rejected"
                Badge {
                    objectName: "reviewBadge"
                    count: row.reviewTasks
                    prefix: qsTr("To fix")
                    fill: "#c62828"
                }
                Badge {
                    objectName: "conflictBadge"
                    count: row.conflicts
                    prefix: qsTr("Conflicts")
                    fill: "#6a1b9a"
                }
                Label {
                    visible: row.localState === "pending" || row.localState === "rejected"
                    text: row.localState === "rejected" ? qsTr("Refused by the server")
                                                       : qsTr("Not sent yet")
                    color: row.localState === "rejected" ? "#c62828" : "#1565c0"
                    font.pixelSize: AppLook.px(12)
                }
            }
        }
        SurveyStateChip {
            surveyState: row.surveyState
            Layout.alignment: Qt.AlignVCenter
        }
    }
}
