import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// One line of 本地优质供给: a product (maker, name, model, efficiency level, 首台套), a provider
// (name, services, contact, 省优秀服务商), or a category with no local supply.
ItemDelegate {
    id: line

    required property int index
    required property string kind
    required property string name
    required property string maker
    required property string productModel
    required property string efficiencyLabel
    required property bool firstOfKind
    required property string services
    required property string contact
    required property bool excellent
    required property string countyName
    required property bool sameCounty

    objectName: "supply_" + index
    hoverEnabled: false

    contentItem: ColumnLayout {
        spacing: 2
        // The kind, the name and its marks, wrapping onto more lines where they do not fit.
        Flow {
            id: head
            Layout.fillWidth: true
            spacing: 6
            StateChip {
                text: line.kind === "product" ? qsTr("Product") : qsTr("Provider")
                tone: "none"
                visible: line.kind !== "none"
            }
            Label {
                objectName: "supplyName"
                width: Math.min(implicitWidth, head.width)
                text: line.kind === "none" ? qsTr("No local supply yet") : line.name
                font.bold: line.kind !== "none"
                opacity: line.kind === "none" ? 0.7 : 1
                wrapMode: Text.Wrap
            }
            StateChip {
                objectName: "firstOfKindChip"
                visible: line.firstOfKind
                text: qsTr("First of kind")
                tone: "good"
            }
            StateChip {
                objectName: "excellentChip"
                visible: line.excellent
                text: qsTr("Provincial excellent provider")
                tone: "good"
            }
        }
        Label {
            Layout.fillWidth: true
            visible: line.kind === "product"
            text: [line.maker, line.productModel, line.efficiencyLabel].filter(s => s !== "").join(" · ")
            font.pixelSize: AppLook.px(12)
            opacity: 0.75
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: line.kind === "provider"
            text: [line.services, line.contact].filter(s => s !== "").join(" · ")
            font.pixelSize: AppLook.px(12)
            opacity: 0.75
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: line.kind !== "none"
            text: line.sameCounty ? qsTr("%1 (this county)").arg(line.countyName)
                                  : qsTr("%1 (elsewhere in the city)").arg(line.countyName)
            font.pixelSize: AppLook.px(12)
            opacity: 0.6
        }
    }
}
