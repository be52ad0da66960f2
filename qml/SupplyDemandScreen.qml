import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// 供需对接 for office and admin: the period, a planned year and a county to look at, the
// headline figure (categories with local supply / categories with demand, with its numerator and
// denominator), a chart of the planned investment per category with the gaps in red, and the
// match table (cards on a phone, a table on a desktop); a row opens its drill-down; 导出 Excel
// saves the server's workbook through the export dialog. Offline, the period's last answer is
// shown whole, marked 离线数据，截至 TIME.
Page {
    id: page
    objectName: "supplyDemandScreen"
    title: qsTr("Supply and demand")

    property alias matches: matches
    property alias exportDialog: exportDialog
    readonly property bool wide: width >= 900

    SupplyDemandModel {
        id: matches
        session: Session
    }

    function openRow(index) {
        const row = matches.get(index)
        StackView.view.push(Qt.resolvedUrl("SupplyDemandDetailScreen.qml"),
                            { region: row.region, category: row.category })
    }

    ScrollView {
        id: scroll
        objectName: "supplyDemandScroll"
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
                    model: matches.periods
                    currentIndex: matches.periods.indexOf(Session.period)
                    displayText: qsTr("Period %1").arg(currentValue)
                    onActivated: Session.period = currentValue
                    implicitHeight: 48
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
                ComboBox {
                    id: countyBox
                    objectName: "countyBox"
                    model: [{ code: "", name: qsTr("Whole city") }].concat(matches.counties)
                    textRole: "name"
                    valueRole: "code"
                    onActivated: matches.county = currentValue
                    implicitHeight: 48
                    implicitWidth: AppLook.px(190)
                }
                ComboBox {
                    id: yearBox
                    objectName: "plannedYearBox"
                    model: [0].concat(matches.plannedYears)
                    displayText: currentValue > 0 ? qsTr("Renewal in %1").arg(currentValue)
                                                  : qsTr("Every planned year")
                    delegate: ItemDelegate {
                        required property int modelData
                        width: yearBox.width
                        text: modelData > 0 ? qsTr("Renewal in %1").arg(modelData)
                                            : qsTr("Every planned year")
                    }
                    onActivated: matches.plannedYear = currentValue
                    implicitHeight: 48
                    implicitWidth: AppLook.px(190)
                }
                CheckBox {
                    objectName: "gapsOnly"
                    text: qsTr("Gaps only")
                    checked: matches.gapsOnly
                    onToggled: matches.gapsOnly = checked
                    implicitHeight: 48
                }
                Button {
                    text: qsTr("Refresh")
                    enabled: !matches.loading
                    onClicked: matches.refresh()
                    implicitHeight: 48
                }
                Button {
                    objectName: "exportButton"
                    text: qsTr("Export Excel")
                    onClicked: exportDialog.open()
                    implicitHeight: 48
                }
            }

            BusyIndicator {
                running: matches.loading
                visible: running
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                objectName: "errorText"
                visible: matches.error !== ""
                text: matches.error
                color: "#c62828"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
            }
            Label {
                objectName: "offlineNote"
                visible: matches.fromCache && matches.hasData
                text: matches.offlineText
                color: "#ef6c00"
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
            }
            Label {
                visible: !matches.hasData && !matches.loading
                text: qsTr("No figures yet: connect to the server and refresh.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: 12
            }

            // The figure beside the chart on a desktop, above it on a phone.
            GridLayout {
                id: top
                visible: matches.hasData
                columns: page.wide ? 2 : 1
                columnSpacing: 12
                rowSpacing: 12
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
                readonly property real figureWidth: page.wide ? (width - 12) / 3 : width

                // The cell takes the row's height; the figure inside keeps its own at the top
                // (the layout stretched it to the chart's height on a desktop).
                Item {
                    Layout.preferredWidth: top.figureWidth
                    Layout.fillHeight: true
                    implicitHeight: headline.implicitHeight
                    SupplyDemandFigure {
                        id: headline
                        objectName: "headline"
                        figure: matches.figure
                        width: parent.width
                    }
                }
                ColumnLayout {
                    visible: matches.chart.count > 0
                    spacing: 4
                    Layout.preferredWidth: page.wide ? top.width - top.figureWidth - 12 : top.width
                    Layout.alignment: Qt.AlignTop
                    SectionTitle {
                        text: matches.chart.title || ""
                        Layout.leftMargin: 0
                        Layout.topMargin: 0
                    }
                    SupplyDemandChart {
                        objectName: "chart"
                        chart: matches.chart
                        Layout.fillWidth: true
                        Layout.preferredHeight: 120 + matches.chart.count * AppLook.px(30)
                    }
                }
            }

            SectionTitle {
                visible: matches.hasData
                text: qsTr("Counties and categories (%1)").arg(matches.count)
            }
            SupplyDemandTableHeader {
                visible: matches.hasData && page.wide
                Layout.fillWidth: true
            }
            Repeater {
                objectName: "matchRows"
                model: matches
                delegate: page.wide ? tableRow : card
            }
            Label {
                visible: matches.hasData && matches.count === 0
                text: qsTr("Nothing to show for this choice.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: 12
            }
            Item { Layout.preferredHeight: 12 }
        }
    }

    Component {
        id: card
        SupplyDemandCard {
            Layout.fillWidth: true
            onOpened: (index) => page.openRow(index)
        }
    }
    Component {
        id: tableRow
        SupplyDemandTableRow {
            Layout.fillWidth: true
            onOpened: (index) => page.openRow(index)
        }
    }

    ExportDialog {
        id: exportDialog
        report: "supply_demand"
        period: Session.period
    }
}
