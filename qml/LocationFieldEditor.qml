import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtPositioning

// A position: from the device's positioning when it has one, and always typed as latitude and
// longitude.
ColumnLayout {
    id: editor

    // The FieldDelegate this edits (typed Item: the delegate loads the editors).
    required property Item cell

    function takeFocus() {
        lat.forceActiveFocus()
    }
    function commitTyped() {
        if (lat.text.trim() === "" && lon.text.trim() === "")
            cell.save("")
        else if (lat.text.trim() !== "" && lon.text.trim() !== "")
            cell.save({ "lat": lat.text, "lon": lon.text })
    }

    spacing: 4

    GridLayout {
        Layout.fillWidth: true
        columns: editor.width > 420 ? 4 : 2
        Label { text: qsTr("Latitude") }
        TextField {
            id: lat
            objectName: "input_" + editor.cell.name + "_lat"
            Layout.fillWidth: true
            text: editor.cell.value ? String(editor.cell.value.lat) : ""
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            onEditingFinished: editor.commitTyped()
        }
        Label { text: qsTr("Longitude") }
        TextField {
            id: lon
            objectName: "input_" + editor.cell.name + "_lon"
            Layout.fillWidth: true
            text: editor.cell.value ? String(editor.cell.value.lon) : ""
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            onEditingFinished: editor.commitTyped()
        }
    }
    Button {
        visible: source.valid
        text: source.active ? qsTr("Locating…") : qsTr("Use current position")
        onClicked: source.update()
    }
    PositionSource {
        id: source
        active: false
        onPositionChanged: {
            const c = position.coordinate
            if (position.latitudeValid && position.longitudeValid)
                editor.cell.save({ "lat": c.latitude, "lon": c.longitude })
        }
    }
}
