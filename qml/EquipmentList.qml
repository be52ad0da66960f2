import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// The equipment rows (or key processes) of a survey: a virtualized list with add, duplicate and
// delete (undo for a few seconds). A tap opens the row.
Item {
    id: list

    required property EquipmentListModel rows
    property bool readOnly: false
    property string addText: qsTr("Add equipment")

    signal openRow(string rowId)

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Button {
            objectName: "addRowButton"
            Layout.fillWidth: true
            Layout.margins: 8
            visible: !list.readOnly
            text: list.addText
            highlighted: true
            onClicked: {
                const id = list.rows.addRow()
                if (id !== "")
                    list.openRow(id)
            }
        }
        Label {
            Layout.fillWidth: true
            Layout.margins: 16
            visible: list.rows.count === 0
            text: qsTr("Nothing recorded yet.")
            opacity: 0.7
            wrapMode: Text.Wrap
        }
        ListView {
            id: view
            objectName: "rowList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: list.rows
            ScrollBar.vertical: ScrollBar {}
            delegate: EquipmentRowDelegate {
                width: ListView.view.width
                readOnly: list.readOnly
                onOpened: list.openRow(rowId)
                onDuplicated: list.rows.duplicateRow(index)
                onRemoved: {
                    if (list.rows.removeRow(index))
                        snackbar.show()
                }
            }
        }
    }

    UndoSnackbar {
        id: snackbar
        objectName: "undoSnackbar"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 8
        message: qsTr("Deleted %1").arg(list.rows.undoTitle)
        onUndo: list.rows.undoRemove()
        onExpired: list.rows.clearUndo()
    }
}
