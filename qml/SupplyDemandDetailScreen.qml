import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// The drill-down of 供需对接 for one county and equipment category: the enterprises that plan
// renewals there (units, investment, their rows) and the local products and providers that
// serve it, or that there are none (缺口).
Page {
    id: page
    required property string region
    required property string category
    property int period: Session.period
    property alias detail: detail

    title: qsTr("%1 · %2").arg(detail.regionName).arg(detail.categoryShortLabel)

    SupplyDemandDetailModel {
        id: detail
        session: Session
        period: page.period
        region: page.region
        category: page.category
    }

    ScrollView {
        id: scroll
        objectName: "detailScroll"
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 8

            Label {
                objectName: "detailSummary"
                text: qsTr("%1 · %2: %3 enterprises plan %4 units, %5")
                          .arg(detail.regionName).arg(detail.categoryLabel).arg(detail.count)
                          .arg(detail.totalUnits).arg(detail.totalInvestmentText)
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.margins: 12
                Layout.bottomMargin: 0
            }
            BusyIndicator {
                running: detail.loading
                visible: running
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                objectName: "detailError"
                visible: detail.error !== ""
                text: detail.error
                color: "#c62828"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
            }
            Label {
                objectName: "detailOfflineNote"
                visible: detail.fromCache && detail.hasData
                text: detail.offlineText
                color: "#ef6c00"
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
            }

            SectionTitle {
                text: qsTr("Local products and providers")
            }
            Label {
                objectName: "noSupply"
                visible: detail.hasData && detail.offers.count === 0
                text: qsTr("Gap: no product made in the county and no provider of the county serves this category.")
                color: "#c62828"
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
            }
            Repeater {
                model: detail.offers
                delegate: SupplyOfferRow {
                    Layout.fillWidth: true
                    Layout.leftMargin: 12
                    Layout.rightMargin: 12
                }
            }

            SectionTitle {
                text: qsTr("Enterprises planning renewals")
            }
            Label {
                visible: detail.hasData && detail.count === 0
                text: qsTr("No counted survey plans a renewal here.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: 12
            }
            Repeater {
                model: detail
                delegate: DemandEnterpriseCard {
                    Layout.fillWidth: true
                    Layout.leftMargin: 12
                    Layout.rightMargin: 12
                }
            }
            Item { Layout.preferredHeight: 12 }
        }
    }
}
