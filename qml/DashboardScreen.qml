import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// The office's dashboard: the period (one of those the server has data or targets for), the
// city's figures against their targets, a chart per indicator comparing the counties, and the
// counties' key figures; a county opens its enterprises.
Page {
    id: page
    title: qsTr("Dashboard")

    property alias coverage: coverage
    property alias exportDialog: exportDialog
    property alias reportDialog: reportDialog
    readonly property int columns: Math.max(2, Math.floor((width - 24) / 280))

    CoverageModel {
        id: coverage
        session: Session
    }

    function openCounty(region) {
        StackView.view.push(Qt.resolvedUrl("CountyScreen.qml"), { region: region })
    }
    // The targets screen; what it saves shows here at once.
    function openTargets() {
        const screen = StackView.view.push(Qt.resolvedUrl("TargetsScreen.qml"))
        screen.targetsSaved.connect(coverage.refresh)
    }

    ScrollView {
        id: scroll
        objectName: "dashboardScroll"
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 12

            Flow {
                Layout.fillWidth: true
                Layout.margins: 12
                Layout.bottomMargin: 0
                spacing: 8

                ComboBox {
                    id: periodBox
                    objectName: "periodBox"
                    model: coverage.periods
                    currentIndex: coverage.periods.indexOf(Session.period)
                    displayText: qsTr("Period %1").arg(currentValue)
                    onActivated: Session.period = currentValue
                    implicitHeight: 48
                    // As wide as its text ("Period 2024" is wider than the years it lists).
                    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                                            Math.ceil(periodText.advanceWidth) + leftPadding
                                            + rightPadding + contentItem.leftPadding
                                            + contentItem.rightPadding)
                    TextMetrics {
                        id: periodText
                        font: periodBox.font
                        text: periodBox.displayText
                    }
                }
                Button {
                    text: qsTr("Refresh")
                    enabled: !coverage.loading
                    onClicked: coverage.refresh()
                    implicitHeight: 48
                }
                Button {
                    objectName: "exportButton"
                    text: qsTr("Export")
                    onClicked: exportDialog.open()
                    implicitHeight: 48
                }
                Button {
                    objectName: "reportButton"
                    text: qsTr("Export report (PDF)")
                    onClicked: reportDialog.open()
                    implicitHeight: 48
                }
                Button {
                    objectName: "officialButton"
                    text: qsTr("Official figures")
                    onClicked: page.StackView.view.push(Qt.resolvedUrl("OfficialFiguresScreen.qml"))
                    implicitHeight: 48
                }
                Button {
                    objectName: "targetsButton"
                    text: qsTr("Targets")
                    visible: Session.role === "office" || Session.role === "admin"
                    onClicked: page.openTargets()
                    implicitHeight: 48
                }
            }

            BusyIndicator {
                running: coverage.loading
                visible: running
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                objectName: "errorText"
                visible: coverage.error !== ""
                text: coverage.error
                color: "#c62828"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
            }
            Label {
                objectName: "cacheNote"
                visible: coverage.hasData
                text: coverage.fromCache
                      ? qsTr("Offline: these are the figures of %1.").arg(coverage.lastUpdatedText)
                      : qsTr("Figures of %1.").arg(coverage.lastUpdatedText)
                color: coverage.fromCache ? "#ef6c00" : "#555555"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
            }
            Label {
                visible: !coverage.hasData && !coverage.loading
                text: qsTr("No figures yet: connect to the server and refresh.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: 12
            }

            SectionTitle {
                visible: coverage.hasData
                text: qsTr("%1: indicators and targets").arg(coverage.city.name || "")
            }
            GridLayout {
                objectName: "cityCards"
                columns: page.columns
                columnSpacing: 8
                rowSpacing: 8
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
                Repeater {
                    model: coverage.cityFigures
                    delegate: IndicatorCard {
                        required property var modelData
                        objectName: "card_" + modelData.indicator
                        figure: modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                    }
                }
            }

            SectionTitle {
                visible: coverage.hasData
                text: qsTr("Counties")
            }
            Repeater {
                model: coverage
                delegate: CountyFiguresRow {
                    Layout.fillWidth: true
                    onOpened: (region) => page.openCounty(region)
                }
            }

            SectionTitle {
                visible: coverage.hasData
                text: qsTr("Counties against their targets")
            }
            Repeater {
                model: coverage.hasData ? coverage.indicators : []
                delegate: ColumnLayout {
                    id: chartBlock
                    required property string modelData
                    property bool open: coverage.revision >= 0
                                        && coverage.chart(modelData).hasTarget === true
                    Layout.fillWidth: true
                    Layout.leftMargin: 12
                    Layout.rightMargin: 12
                    ItemDelegate {
                        Layout.fillWidth: true
                        text: (chartBlock.open ? "▾ " : "▸ ")
                              + coverage.chart(chartBlock.modelData).label
                        onClicked: chartBlock.open = !chartBlock.open
                    }
                    Loader {
                        objectName: "chart_" + chartBlock.modelData
                        active: chartBlock.open
                        visible: active
                        Layout.fillWidth: true
                        Layout.preferredHeight: page.width < 700 ? 420 : 340
                        sourceComponent: IndicatorChart {
                            chart: coverage.revision >= 0 ? coverage.chart(chartBlock.modelData)
                                                          : ({})
                        }
                    }
                }
            }
            Item { Layout.preferredHeight: 12 }
        }
    }

    ExportDialog {
        id: exportDialog
        period: Session.period
    }
    ReportDialog {
        id: reportDialog
        period: Session.period
    }
}
