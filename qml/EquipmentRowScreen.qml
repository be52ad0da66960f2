import QtQuick
import QtQuick.Controls
import Gengxin.App

// One equipment row (or key process, entity "key_process") as a form from the definition.
Page {
    id: screen

    required property string rowId
    property string entity: "equipment"
    // A field to scroll to and focus once open (e.g. from the submit problems).
    property string focusField: ""
    property bool readOnly: false

    title: form.fields.title !== "" ? form.fields.title
                                    : (entity === "key_process" ? qsTr("Key process")
                                                                : qsTr("Equipment"))

    RecordForm {
        id: form
        objectName: "recordForm"
        anchors.fill: parent
        entity: screen.entity
        recordId: screen.rowId
        readOnly: screen.readOnly
    }

    Label {
        anchors.centerIn: parent
        visible: !form.fields.loaded
        text: qsTr("This row is not on this device.")
    }

    Component.onCompleted: {
        if (focusField !== "")
            Qt.callLater(form.focusField, focusField)
    }
}
