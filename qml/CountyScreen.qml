import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// A county's enterprises with their survey and review state and key figures; one with a
// survey opens the review.
Page {
    id: page
    required property string region
    property alias enterprises: enterprises

    title: enterprises.regionName

    // The county's key figures (the dashboard's, cached), each tap-expandable.
    CoverageModel {
        id: coverage
        session: Session
        // The cards above the list grew: show them from the top.
        onFiguresChanged: list.positionViewAtBeginning()
    }

    CountyEnterprisesModel {
        id: enterprises
        session: Session
        region: page.region
        search: searchField.text
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        TextField {
            id: searchField
            objectName: "searchField"
            placeholderText: qsTr("Search by name or USCC")
            Layout.fillWidth: true
            Layout.margins: 12
            Layout.bottomMargin: 0
            inputMethodHints: Qt.ImhNoPredictiveText
        }
        Label {
            text: qsTr("%1 enterprises, %2 submitted").arg(enterprises.count)
                                                        .arg(enterprises.surveyedCount)
            color: "#555555"
            Layout.leftMargin: 12
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: enterprises.error !== ""
            text: enterprises.error
            color: "#c62828"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.leftMargin: 12
        }
        Label {
            visible: list.count === 0
            text: qsTr("No enterprises of this county on this device.")
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.margins: 12
            horizontalAlignment: Text.AlignHCenter
        }
        ListView {
            id: list
            objectName: "enterpriseList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: enterprises
            ScrollBar.vertical: ScrollBar {}
            header: GridLayout {
                width: ListView.view.width - 24
                x: 12
                columns: Math.max(2, Math.floor(width / 260))
                columnSpacing: 8
                rowSpacing: 8
                Repeater {
                    model: coverage.revision >= 0 && coverage.hasData
                           ? coverage.keyIndicators.map(name => coverage.figure(page.region, name))
                           : []
                    delegate: IndicatorCard {
                        required property var modelData
                        figure: modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        Layout.bottomMargin: 8
                    }
                }
            }
            delegate: ItemDelegate {
                id: row
                background: RowBackground { pressed: row.down; hovered: row.hovered }
                required property string uscc
                required property string name
                required property string surveyId
                required property string surveyState
                required property string surveyStateText
                required property string reviewState
                required property string reviewStateText
                required property string figuresText

                width: ListView.view.width
                enabled: surveyId !== ""
                onClicked: page.StackView.view.push(Qt.resolvedUrl("ReviewScreen.qml"),
                                                    { surveyId: row.surveyId })
                contentItem: ColumnLayout {
                    spacing: 2
                    Label {
                        text: row.name
                        font.bold: true
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: row.uscc
                        color: "#777777"
                        font.pixelSize: AppLook.px(12)
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 6
                        StateChip {
                            text: row.surveyStateText
                            tone: row.surveyState === "submitted" ? "good"
                                : row.surveyState === "draft" ? "warn" : "none"
                        }
                        StateChip {
                            visible: row.surveyId !== ""
                            text: row.reviewStateText
                            tone: row.reviewState === "approved" ? "good"
                                : row.reviewState === "none" ? "none" : "bad"
                        }
                    }
                    Label {
                        visible: row.figuresText !== ""
                        text: row.figuresText
                        wrapMode: Text.Wrap
                        font.pixelSize: AppLook.px(13)
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
