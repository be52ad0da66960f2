import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// The column heads of the desktop's 供需对接 table, laid out as SupplyDemandTableRow.
ItemDelegate {
    id: head
    hoverEnabled: false
    down: false
    background: Rectangle { color: "#eceff1" }

    // One share of the width: the columns take 3, 6, 2, 2, 3, 2, 2 and 2 shares.
    readonly property real unit: Math.max(0, availableWidth - 7 * 8) / 22

    contentItem: RowLayout {
        spacing: 8
        Repeater {
            model: [qsTr("County"), qsTr("Equipment category"), qsTr("Enterprises"),
                    qsTr("Units"), qsTr("Planned investment"), qsTr("Local products"),
                    qsTr("Local providers"), qsTr("Gap")]
            delegate: Label {
                required property var modelData
                required property int index
                text: modelData
                font.bold: true
                color: "#37474f"
                wrapMode: Text.Wrap
                horizontalAlignment: index < 2 ? Text.AlignLeft
                                     : index === 7 ? Text.AlignHCenter : Text.AlignRight
                Layout.preferredWidth: head.unit * (index === 1 ? 6 : index === 0 || index === 4 ? 3 : 2)
            }
        }
    }
}
