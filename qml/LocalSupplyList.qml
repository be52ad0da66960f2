import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// 本地优质供给: for the equipment categories the survey plans to renew, the local products and
// providers from the catalogue on this device (offline), grouped by category, same county first.
Item {
    id: list

    required property LocalSupplyModel supply

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            objectName: "supplyIntro"
            Layout.fillWidth: true
            Layout.margins: 12
            text: list.supply.categoryCount === 0
                  ? qsTr("No equipment is planned for renewal. Mark a row as planned renewal to see local products and providers for its category.")
                  : qsTr("Local products and providers for the planned renewals, %1 first. From the city's catalogue, read-only.").arg(list.supply.countyName)
            wrapMode: Text.Wrap
            opacity: 0.8
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 12
            visible: list.supply.lastError !== ""
            text: list.supply.lastError
            color: "#c62828"
            wrapMode: Text.Wrap
        }
        ListView {
            id: view
            objectName: "supplyList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: list.supply
            ScrollBar.vertical: ScrollBar {}
            section.property: "section"
            section.delegate: Label {
                required property string section
                width: ListView.view.width
                text: section
                font.pixelSize: AppLook.px(16)
                font.bold: true
                wrapMode: Text.Wrap
                leftPadding: 12
                rightPadding: 12
                topPadding: 12
            }
            delegate: LocalSupplyDelegate {
                width: ListView.view.width
            }
        }
    }
}
